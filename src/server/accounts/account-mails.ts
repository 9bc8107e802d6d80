// The two mails of an account, in the requester's language: "confirm your address" (sent at
// sign-up and on request) and "reset your password". better-auth creates the tokens and calls
// these; the links point at our own pages.
import "server-only";
import { format, type TLocale } from "@/i18n";
import { emailMessages } from "@/i18n/email";
import { localeOfMailRequest } from "@/server/mail/mail-locale";
import { secondsSinceLastMail, sendMail } from "@/server/mail/send-mail";

export const VERIFY_EMAIL_KIND = "verify-email";
export const RESET_PASSWORD_KIND = "reset-password";
export const VERIFY_EMAIL_EXPIRES_IN_SECONDS = 24 * 60 * 60;
export const RESET_PASSWORD_EXPIRES_IN_SECONDS = 60 * 60;
/** At most one mail of a kind per address in this time, so nobody can flood a classmate's inbox. */
export const MAIL_COOLDOWN_SECONDS = 60;
/** Where the verification link lands after better-auth has checked the token. */
export const EMAIL_VERIFIED_PATH = "/email-verified";

interface TMailUser {
  email: string;
  name: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function composeMail(locale: TLocale, body: string, url: string, label: string): { text: string; html: string } {
  const html = escapeHtml(body)
    .split("\n\n")
    .map((paragraph) => (paragraph === escapeHtml(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a><br>${escapeHtml(url)}</p>` : `<p>${paragraph.replace(/\n/g, "<br>")}</p>`))
    .join("\n");
  return { text: body, html: `<!doctype html><html lang="${locale}"><body>${html}</body></html>` };
}

/** Seconds since a mail of this kind went to this address, if within the cooldown (then no other is sent). */
export async function secondsSinceRecentMail(to: string, kind: string): Promise<number | null> {
  return secondsSinceLastMail({ to, kind, withinSeconds: MAIL_COOLDOWN_SECONDS });
}

/**
 * better-auth's verification URL is `<base>/api/auth/verify-email?token=…`; its endpoint checks the
 * token, marks the address verified and redirects to our confirmation page.
 */
export async function sendVerificationMail(data: { user: TMailUser; url: string }, request?: Request): Promise<void> {
  if ((await secondsSinceRecentMail(data.user.email, VERIFY_EMAIL_KIND)) !== null) return;
  const url = new URL(data.url);
  url.searchParams.set("callbackURL", EMAIL_VERIFIED_PATH);
  const locale = await localeOfMailRequest(request);
  const t = emailMessages(locale);
  const body = format(t.verifyMailBody, { name: data.user.name, url: url.href, hours: VERIFY_EMAIL_EXPIRES_IN_SECONDS / 3600 });
  await sendMail({ to: data.user.email, kind: VERIFY_EMAIL_KIND, subject: t.verifyMailSubject, ...composeMail(locale, body, url.href, t.mailLinkLabel) });
}

/**
 * The link opens our reset page with the token (not better-auth's GET redirect endpoint), built
 * on better-auth's configured base URL, never on the request's Host header, which an attacker
 * could set to receive the token.
 */
export async function sendPasswordResetMail(data: { user: TMailUser; url: string; token: string }, request?: Request): Promise<void> {
  if ((await secondsSinceRecentMail(data.user.email, RESET_PASSWORD_KIND)) !== null) return;
  const url = new URL("/reset-password", data.url);
  url.searchParams.set("token", data.token);
  const locale = await localeOfMailRequest(request);
  const t = emailMessages(locale);
  const body = format(t.resetMailBody, { name: data.user.name, url: url.href, minutes: RESET_PASSWORD_EXPIRES_IN_SECONDS / 60 });
  await sendMail({ to: data.user.email, kind: RESET_PASSWORD_KIND, subject: t.resetMailSubject, ...composeMail(locale, body, url.href, t.mailLinkLabel) });
}

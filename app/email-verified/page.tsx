// Where the confirmation link lands: better-auth's /api/auth/verify-email checked the token and
// redirects here, with ?error=… when the link was expired, forged or for another account.
import Link from "next/link";
import { VerifyEmailNotice } from "@/components/accounts/verify-email-notice";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { isEmailVerified } from "@/server/accounts/email-verification";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { resendVerificationAction } from "../actions";

export async function generateMetadata() {
  return { title: emailMessages(await getLocale()).verifiedTitle };
}

export default async function EmailVerifiedPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, user, locale] = await Promise.all([searchParams, getCurrentUser(), getLocale()]);
  const t = emailMessages(locale);
  const isVerified = user ? await isEmailVerified(db, { userId: user.id }) : false;
  if (error === undefined) {
    return (
      <div className="mx-auto max-w-md py-10" data-testid="email-verified">
        <h1 className="mb-4 text-2xl font-semibold text-slate-900">{t.verifiedTitle}</h1>
        <p role="status" className="mb-4 text-slate-800">
          {t.verifiedBody}
        </p>
        {user ? (
          <Link className="font-medium text-blue-800 underline" href="/">
            {t.goHome}
          </Link>
        ) : (
          <Link className="font-medium text-blue-800 underline" href="/sign-in">
            {t.verifiedSignIn}
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-10" data-testid="email-verify-failed">
      <h1 className="text-2xl font-semibold text-slate-900">{t.verifyFailedTitle}</h1>
      <p role="alert" className="text-slate-800">
        {error === "INVALID_USER" ? t.verifyWrongAccount : t.verifyFailedBody}
      </p>
      {user && !isVerified ? <VerifyEmailNotice email={user.email} resendAction={resendVerificationAction} /> : null}
      <Link className="font-medium text-blue-800 underline" href={user ? "/" : "/sign-in"}>
        {user ? t.goHome : t.backToSignIn}
      </Link>
    </div>
  );
}

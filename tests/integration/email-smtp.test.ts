// Verification and password reset through a real SMTP server on localhost: each mail is received
// over SMTP, its link is followed through better-auth's real HTTP handler or our reset operation,
// and the account's state is checked in a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";
import { startSmtpSink, type TSmtpSink } from "../support/smtp-sink";

const BASE = "http://localhost:3999";
let database: TTestDatabase;
let sink: TSmtpSink;

beforeAll(async () => {
  database = await createSqliteDatabase("email-smtp");
  sink = await startSmtpSink();
  // Read once by src/server/env.ts, so set before the server modules load.
  Object.assign(process.env, { DATABASE_URL: database.url, SMTP_URL: sink.url, BETTER_AUTH_URL: BASE, BETTER_AUTH_SECRET: "email-test-secret-4Jd8Qw2Lx7Rv1Tz9" });
});

afterAll(async () => {
  await sink?.close();
  await database?.drop();
});

const modules = async () => ({
  auth: (await import("@/server/auth/auth")).auth,
  db: (await import("@/server/db")).db,
  joinCourse: (await import("@/server/roster/join-course")).joinCourse,
  resetPassword: (await import("@/server/accounts/reset-password")).resetPassword,
  sendMail: (await import("@/server/mail/send-mail")).sendMail,
});

/** The browser's path: a JSON POST to better-auth's HTTP handler from our own origin. */
async function postAuth(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const { auth } = await modules();
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", origin: BASE, ...headers }, body: JSON.stringify(body) }),
  );
}

function linkIn(mail: ParsedMail): string {
  const link = mail.text?.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in mail "${mail.subject}"`);
  return link;
}

async function sessionUser(email: string) {
  const { db } = await modules();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, name: user.name, role: "student" as const };
}

describe("email over SMTP", () => {
  it("sign-up mails a link in the reader's language; the account joins a course only after following it", async () => {
    const { db, joinCourse } = await modules();
    const course = await db.course.create({ data: { code: "MAILTEST1", title: "Mail course" } });
    const email = "new.student@convlab.test";
    const signUp = await postAuth("/sign-up/email", { name: "Neu", email, password: "first-password-1" }, { "accept-language": "zh-CN,zh;q=0.9" });
    expect(signUp.status).toBe(200);

    const mail = await sink.waitForMail(email);
    expect(mail.subject).toBe("请确认你在 ConvLab 的邮箱地址");
    expect(mail.html).toContain("<a href=");
    const link = linkIn(mail);
    expect(link.startsWith(`${BASE}/api/auth/verify-email?token=`)).toBe(true);

    const user = await sessionUser(email);
    await expect(joinCourse(db, { user, code: course.code })).rejects.toMatchObject({ code: "forbidden", key: "emailNotVerified" });
    expect(await db.enrollment.count({ where: { userId: user.id } })).toBe(0);

    const { auth } = await modules();
    const landing = await auth.handler(new Request(link));
    expect(landing.status).toBe(302);
    expect(landing.headers.get("location")).toBe("/email-verified");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);
    await expect(joinCourse(db, { user, code: course.code })).resolves.toMatchObject({ alreadyEnrolled: false });

    const row = await db.outboxMail.findFirstOrThrow({ where: { to: email, kind: "verify-email" } });
    expect(row.status).toBe("sent");
    expect(row.sentAt).not.toBeNull();
    // The delivered mail's link is a credential until it expires: the record keeps no copy.
    expect(row.text).toBe("");
  });

  it("a tampered verification link verifies nothing and lands on the page with an error", async () => {
    const { auth, db } = await modules();
    const email = "tamper@convlab.test";
    expect((await postAuth("/sign-up/email", { name: "T", email, password: "first-password-1" })).status).toBe(200);
    const link = new URL(linkIn(await sink.waitForMail(email)));
    link.searchParams.set("token", `${link.searchParams.get("token")}x`);
    const landing = await auth.handler(new Request(link));
    expect(landing.headers.get("location")).toMatch(/^\/email-verified\?error=/);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(false);
  });

  it("forgot password: same answer for unknown addresses, a single-use 1-hour link, old sessions revoked", async () => {
    const { auth, db, resetPassword } = await modules();
    const email = "forgetful@convlab.test";
    expect((await postAuth("/sign-up/email", { name: "F", email, password: "old-password-1" })).status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const known = await postAuth("/request-password-reset", { email });
    const unknown = await postAuth("/request-password-reset", { email: "nobody@convlab.test" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());

    const mail = await sink.waitForMail(email, (m) => m.subject === "Reset your ConvLab password");
    const link = new URL(linkIn(mail));
    expect(`${link.origin}${link.pathname}`).toBe(`${BASE}/reset-password`);
    const token = link.searchParams.get("token")!;
    expect(sink.received.some((m) => m.text?.includes("nobody@convlab.test"))).toBe(false);
    expect(await db.outboxMail.count({ where: { to: "nobody@convlab.test" } })).toBe(0);

    await resetPassword({ token, newPassword: "new-password-2" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(auth.api.signInEmail({ body: { email, password: "old-password-1" } })).rejects.toMatchObject({ statusCode: 401 });
    await expect(auth.api.signInEmail({ body: { email, password: "new-password-2" } })).resolves.toMatchObject({ user: { email } });

    // Single use.
    await expect(resetPassword({ token, newPassword: "third-password-3" })).rejects.toMatchObject({ key: "resetLinkInvalid" });
    await expect(auth.api.signInEmail({ body: { email, password: "new-password-2" } })).resolves.toMatchObject({ user: { email } });
  });

  it("an expired reset link is refused and changes nothing", async () => {
    const { auth, db, resetPassword } = await modules();
    const email = "late@convlab.test";
    expect((await postAuth("/sign-up/email", { name: "L", email, password: "old-password-1" })).status).toBe(200);
    expect((await postAuth("/request-password-reset", { email })).status).toBe(200);
    const token = new URL(linkIn(await sink.waitForMail(email, (m) => m.subject === "Reset your ConvLab password"))).searchParams.get("token")!;
    // As if the hour had passed.
    await db.verification.updateMany({ where: { expiresAt: { gt: new Date() } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, newPassword: "new-password-2" })).rejects.toMatchObject({ key: "resetLinkInvalid" });
    await expect(auth.api.signInEmail({ body: { email, password: "old-password-1" } })).resolves.toMatchObject({ user: { email } });
  });

  it("a second request within a minute sends no second mail", async () => {
    const { db } = await modules();
    const email = "impatient@convlab.test";
    expect((await postAuth("/sign-up/email", { name: "I", email, password: "old-password-1" })).status).toBe(200);
    expect((await postAuth("/request-password-reset", { email })).status).toBe(200);
    expect((await postAuth("/request-password-reset", { email })).status).toBe(200);
    await sink.waitForMail(email, (m) => m.subject === "Reset your ConvLab password");
    expect(await db.outboxMail.count({ where: { to: email, kind: "reset-password" } })).toBe(1);
  });

  it("a mail the SMTP server refuses is recorded as failed with its answer", async () => {
    const { db, sendMail } = await modules();
    const { id, delivered } = await sendMail({ to: "bounce@convlab.test", kind: "test", subject: "Hello", text: "Body" });
    await delivered;
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("failed");
    expect(row.error).toContain("550");
    expect(row.text).toBe("Body");
  });
});

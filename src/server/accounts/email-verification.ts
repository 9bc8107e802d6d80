// Whether an account's email address is confirmed, and a fresh confirmation link on request.
import "server-only";
import { auth } from "@/server/auth/auth";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";
import { secondsSinceRecentMail, VERIFY_EMAIL_KIND } from "./account-mails";

/** Read from the database, not the session: the link may have been opened in another browser. */
export async function isEmailVerified(db: TDb, options: { userId: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { emailVerified: true } });
  return user?.emailVerified ?? false;
}

export async function resendVerificationMail(db: TDb, options: { user: TSessionUser }): Promise<void> {
  if (await isEmailVerified(db, { userId: options.user.id })) throw new AppError("conflict", "emailAlreadyVerified");
  const seconds = await secondsSinceRecentMail(options.user.email, VERIFY_EMAIL_KIND);
  if (seconds !== null) throw new AppError("rate_limited", "mailSentRecently", { seconds });
  // Without a session header better-auth takes its anonymous path, which mails only an unverified
  // account of that address: the signed-in user's own, checked above.
  await auth.api.sendVerificationEmail({ body: { email: options.user.email } });
}

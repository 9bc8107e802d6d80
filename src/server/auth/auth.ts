// better-auth: email + password accounts with server-side sessions stored through Prisma.
// Passwords are hashed with scrypt (better-auth's default on Node).
import "server-only";
import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { RESET_PASSWORD_EXPIRES_IN_SECONDS, sendPasswordResetMail, sendVerificationMail, VERIFY_EMAIL_EXPIRES_IN_SECONDS } from "@/server/accounts/account-mails";
import { accountRateLimits } from "@/server/accounts/account-rate-limit-plugin";
import { db } from "@/server/db";
import { isPostgresUrl, readAuthSecret, readEnv } from "@/server/env";
import { readTrustedOrigins } from "@/server/request-origin";
import { forgetRecentSessions } from "./recent-sessions";
import { validateAuthInput } from "./validate-auth-input";

const env = readEnv();

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** better-auth's paths that end sessions or change an account: the hot routes' cache forgets them all. */
const SESSION_CHANGING_PATHS = new Set([
  "/sign-out",
  "/reset-password",
  "/change-password",
  "/change-email",
  "/update-user",
  "/delete-user",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
]);

const forgetSessionsOnChange = createAuthMiddleware(async (ctx) => {
  if (SESSION_CHANGING_PATHS.has(ctx.path)) forgetRecentSessions();
});

export const auth = betterAuth({
  baseURL: env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`,
  secret: readAuthSecret(env),
  database: prismaAdapter(db, { provider: isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
    // "Forgot password": single-use tokens valid for an hour; a reset signs out every session.
    sendResetPassword: sendPasswordResetMail,
    resetPasswordTokenExpiresIn: RESET_PASSWORD_EXPIRES_IN_SECONDS,
    revokeSessionsOnPasswordReset: true,
  },
  // A new account is signed in at once but joins no course before its address is confirmed
  // (src/server/roster/join-course.ts). The link does not sign anyone in: mail links leak.
  emailVerification: {
    sendVerificationEmail: sendVerificationMail,
    sendOnSignUp: true,
    autoSignInAfterVerification: false,
    expiresIn: VERIFY_EMAIL_EXPIRES_IN_SECONDS,
  },
  session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
  user: {
    additionalFields: {
      role: { type: "string", required: false, defaultValue: "student", input: false },
    },
  },
  // Replaced by accountRateLimits: better-auth's limiter is per process and believes any X-Forwarded-For.
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  // Only ConvLab's own origin (the same list as src/server/request-origin.ts).
  trustedOrigins: readTrustedOrigins(),
  hooks: { before: validateAuthInput, after: forgetSessionsOnChange },
  // Our errors (the hooks' validation) leave the handler so the route answers in the one error shape.
  onAPIError: { throw: true },
  plugins: [nextCookies(), accountRateLimits()],
});

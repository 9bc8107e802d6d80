// better-auth: email + password accounts with server-side sessions stored through Prisma.
// Passwords are hashed with scrypt (better-auth's default on Node).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { accountRateLimits } from "@/server/accounts/account-rate-limit-plugin";
import { db } from "@/server/db";
import { isPostgresUrl, readEnv } from "@/server/env";

const env = readEnv();

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const auth = betterAuth({
  baseURL: env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`,
  // A build needs some secret; the set-up script writes a random one into .env for real runs.
  secret: env.BETTER_AUTH_SECRET ?? "convlab-development-secret-change-me",
  database: prismaAdapter(db, { provider: isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
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
  plugins: [nextCookies(), accountRateLimits()],
});

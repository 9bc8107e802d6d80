// Makes better-auth's HTTP sign-in and sign-up endpoints count against the same limits as the
// forms (account-rate-limits.ts); a refusal is ConvLab's one error shape with Retry-After. Calls
// from server code (auth.api.*) carry no request and are skipped: the domain operation charged them.
import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { getLocale } from "@/i18n/server";
import { toErrorResponse } from "@/server/errors";
import { limitSignInAttempt, limitSignUp } from "./account-rate-limits";

const LIMITED_PATHS = new Set(["/sign-in/email", "/sign-up/email"]);

export function accountRateLimits(): BetterAuthPlugin {
  return {
    id: "convlab-account-rate-limits",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.request !== undefined && LIMITED_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const headers = ctx.request!.headers;
            try {
              if (ctx.path === "/sign-in/email") {
                const email: unknown = (ctx.body as { email?: unknown } | undefined)?.email;
                await limitSignInAttempt({ email: typeof email === "string" ? email : "", headers });
              } else {
                await limitSignUp({ headers });
              }
            } catch (error) {
              return toErrorResponse(error, await getLocale());
            }
          }),
        },
      ],
    },
  };
}

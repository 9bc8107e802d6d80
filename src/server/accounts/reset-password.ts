// Sets a new password with the token from a reset mail. better-auth checks the token's expiry,
// consumes it in the same transaction as the password change (single use) and revokes the
// account's sessions (revokeSessionsOnPasswordReset).
import "server-only";
import { isAPIError } from "better-auth/api";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import type { TResetPasswordInput } from "./account-schemas";

export async function resetPassword(input: TResetPasswordInput): Promise<void> {
  try {
    await auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } });
  } catch (error) {
    if (isAPIError(error)) {
      const code = (error.body as { code?: string } | undefined)?.code ?? "";
      if (code === "PASSWORD_TOO_SHORT") throw new AppError("validation", "passwordTooShort");
      if (code === "PASSWORD_TOO_LONG") throw new AppError("validation", "passwordTooLong");
      if (error.statusCode === 429) throw new AppError("rate_limited", "tooManyAttempts");
      // INVALID_TOKEN (expired, used, unknown) and USER_NOT_FOUND (account deleted since).
      if (error.statusCode === 400) throw new AppError("bad_request", "resetLinkInvalid");
    }
    throw error;
  }
}

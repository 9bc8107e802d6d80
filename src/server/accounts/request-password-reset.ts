// "Forgot password": mails a single-use reset link if an account has this address. The answer is
// the same either way, so the form cannot be used to find out who has an account.
import "server-only";
import { isAPIError } from "better-auth/api";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import type { TForgotPasswordInput } from "./account-schemas";

export async function requestPasswordReset(input: TForgotPasswordInput): Promise<void> {
  try {
    await auth.api.requestPasswordReset({ body: { email: input.email } });
  } catch (error) {
    if (isAPIError(error) && error.statusCode === 429) throw new AppError("rate_limited", "tooManyAttempts");
    throw error;
  }
}

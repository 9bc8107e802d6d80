// Creates an account with email and password and starts its session (cookies set by nextCookies).
import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import { limitSignUp } from "./account-rate-limits";
import type { TSignUpInput } from "./account-schemas";

export async function signUp(input: TSignUpInput): Promise<void> {
  const requestHeaders = await headers();
  await limitSignUp({ headers: requestHeaders });
  try {
    await auth.api.signUpEmail({ body: input, headers: requestHeaders });
  } catch (error) {
    if (isAPIError(error)) {
      const code = (error.body as { code?: string } | undefined)?.code ?? "";
      if (code.startsWith("USER_ALREADY_EXISTS")) {
        throw new AppError("conflict", "emailTaken");
      }
      if (code === "INVALID_EMAIL") throw new AppError("validation", "emailInvalid");
      if (code === "PASSWORD_TOO_SHORT") throw new AppError("validation", "passwordTooShort");
      if (code === "PASSWORD_TOO_LONG") throw new AppError("validation", "passwordTooLong");
    }
    throw error;
  }
}

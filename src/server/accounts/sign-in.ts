// Signs in with email and password; the session cookie is set by better-auth's nextCookies plugin.
import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import { limitSignInAttempt } from "./account-rate-limits";
import type { TSignInInput } from "./account-schemas";

export async function signIn(input: TSignInInput): Promise<{ userId: string }> {
  const requestHeaders = await headers();
  await limitSignInAttempt({ email: input.email, headers: requestHeaders });
  try {
    const result = await auth.api.signInEmail({ body: input, headers: requestHeaders });
    return { userId: result.user.id };
  } catch (error) {
    if (isAPIError(error)) {
      // One message for unknown email and wrong password, so accounts cannot be enumerated.
      if (error.statusCode === 401 || error.statusCode === 400) {
        throw new AppError("unauthenticated", "wrongCredentials");
      }
    }
    throw error;
  }
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
}

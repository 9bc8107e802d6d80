// Signs in with email and password; the session cookie is set by better-auth's nextCookies plugin.
import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import type { TSignInInput } from "./account-schemas";

export async function signIn(input: TSignInInput): Promise<{ userId: string }> {
  try {
    const result = await auth.api.signInEmail({ body: input, headers: await headers() });
    return { userId: result.user.id };
  } catch (error) {
    if (isAPIError(error)) {
      if (error.statusCode === 429) throw new AppError("rate_limited", "tooManyAttempts");
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

// Creates an account with email and password and starts its session (cookies set by nextCookies).
import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/server/auth/auth";
import { AppError } from "@/server/errors";
import type { TSignUpInput } from "./account-schemas";

export async function signUp(input: TSignUpInput): Promise<void> {
  try {
    await auth.api.signUpEmail({ body: input, headers: await headers() });
  } catch (error) {
    if (isAPIError(error)) {
      const code = (error.body as { code?: string } | undefined)?.code ?? "";
      if (code.startsWith("USER_ALREADY_EXISTS")) {
        throw new AppError("conflict", "An account with this email already exists. Sign in instead.", "该邮箱已注册，请直接登录。");
      }
      if (code === "INVALID_EMAIL") throw new AppError("validation", "Enter a valid email address.", "请输入有效的邮箱地址。");
      if (code === "PASSWORD_TOO_SHORT") throw new AppError("validation", "Password must be at least 8 characters.", "密码至少 8 个字符。");
      if (code === "PASSWORD_TOO_LONG") throw new AppError("validation", "Password must be at most 128 characters.", "密码最多 128 个字符。");
      if (error.statusCode === 429) throw new AppError("rate_limited", "Too many attempts. Wait a minute and try again.", "尝试次数过多，请稍等一分钟再试。");
    }
    throw error;
  }
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toAppError, toErrorResponse, zodErrorToAppError } from "./errors";

describe("zodErrorToAppError", () => {
  it("words our own keys from the tables and names the field of zod's built-in issues by their code", () => {
    const own = z.object({ name: z.string().min(1, "nameRequired") }).safeParse({ name: "" });
    expect(zodErrorToAppError(own.error!).messageFor("en")).toBe("Name is required.");
    const builtIn = z.object({ age: z.number() }).safeParse({ age: "x" });
    const error = zodErrorToAppError(builtIn.error!);
    expect(error.key).toBe("invalid_type");
    expect(error.messageFor("en")).toBe("age: this value has the wrong type.");
    expect(error.messageFor("zh-CN")).toBe("age：类型不正确。");
  });

  it("falls back to a generic wording for issue codes without their own", () => {
    const custom = z.object({ x: z.string().refine(() => false) }).safeParse({ x: "y" });
    expect(zodErrorToAppError(custom.error!).messageFor("en")).toBe("x: this value is not valid.");
  });
});

describe("toAppError", () => {
  it("maps zod errors to validation and Prisma not-found to not_found, and hides the rest", () => {
    expect(toAppError(z.string().safeParse(1).error).code).toBe("validation");
    expect(toAppError({ code: "P2025" }).code).toBe("not_found");
    const hidden = toAppError(new Error("secret stack detail"));
    expect(hidden.code).toBe("internal");
    expect(hidden.message).not.toContain("secret");
  });

  it("translates our validation messages", () => {
    const parsed = z.object({ name: z.string().min(1, "nameRequired") }).safeParse({ name: "" });
    expect(toAppError(parsed.error).messageFor("zh-CN")).toBe("请输入姓名。");
  });

  it("words an AppError's key with its parameters in the reader's language", () => {
    const error = new AppError("rate_limited", "cooldownWait", { seconds: 30 });
    expect(error.message).toBe("Please wait 30 s before submitting again.");
    expect(error.messageFor("zh-CN")).toBe("请等待 30 秒后再提交。");
  });

  it("says when to try again: {wait} in the reader's language and Retry-After in whole seconds", async () => {
    const error = new AppError("rate_limited", "signInAccountLimit", {}, { retryAfterSeconds: 130.2 });
    expect(error.messageFor("en")).toBe("Too many sign-in attempts for this account. Try again in 3 minutes.");
    expect(error.messageFor("zh-CN")).toBe("该账号的登录尝试次数过多，请 3分钟后再试。");
    const response = toErrorResponse(error, "zh-CN");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("131");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "该账号的登录尝试次数过多，请 3分钟后再试。" } });
    expect(new AppError("rate_limited", "joinAttemptsLimit", {}, { retryAfterSeconds: 20 }).message).toBe("Too many course codes tried. Try again in 20 seconds.");
  });
});

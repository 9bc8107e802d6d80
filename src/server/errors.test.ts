import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, describeZodError, toAppError } from "./errors";

describe("describeZodError", () => {
  it("keeps our own sentences as they are and names the field of zod's built-in messages", () => {
    const own = z.object({ name: z.string().min(1, "Name is required.") }).safeParse({ name: "" });
    expect(describeZodError(own.error!)).toBe("Name is required.");
    const builtIn = z.object({ age: z.number() }).safeParse({ age: "x" });
    expect(describeZodError(builtIn.error!)).toMatch(/^age: /);
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
    const parsed = z.object({ name: z.string().min(1, "Name is required.") }).safeParse({ name: "" });
    expect(toAppError(parsed.error).messageFor("zh-CN")).toBe("请输入姓名。");
  });

  it("answers in Chinese when a translation exists", () => {
    const error = new AppError("conflict", "Taken.", "已被占用。");
    expect(error.messageFor("zh-CN")).toBe("已被占用。");
    expect(new AppError("conflict", "Taken.").messageFor("zh-CN")).toBe("Taken.");
  });
});

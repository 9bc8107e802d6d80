import { describe, expect, it } from "vitest";
import { zodErrorToAppError } from "@/server/errors";
import { MAX_CODE_BYTES, ZCode } from "./code-schema";

function messageOf(value: unknown): string | undefined {
  const parsed = ZCode.safeParse(value);
  return parsed.success ? undefined : zodErrorToAppError(parsed.error).messageFor("en");
}

describe("ZCode", () => {
  it("accepts ordinary Python with tabs, CRLF and Chinese comments", () => {
    expect(messageOf("def f(x):\r\n\treturn x  # 返回\n")).toBeUndefined();
  });

  it("refuses empty and whitespace-only code", () => {
    expect(messageOf("")).toMatch(/empty/);
    expect(messageOf("  \n\t ")).toMatch(/empty/);
  });

  it("refuses code over 64 KB counted in UTF-8 bytes", () => {
    expect(messageOf("x".repeat(MAX_CODE_BYTES))).toBeUndefined();
    expect(messageOf("x".repeat(MAX_CODE_BYTES + 1))).toMatch(/larger than 64 KB/);
    // 3 bytes each in UTF-8: fewer characters than the limit, more bytes.
    expect(messageOf("卷".repeat(MAX_CODE_BYTES / 3 + 1))).toMatch(/larger than 64 KB/);
  });

  it("refuses binary content and replacement characters from bad decoding", () => {
    expect(messageOf("def f():\u0000 pass")).toMatch(/binary/);
    expect(messageOf("caf\uFFFD")).toMatch(/binary/);
  });

  it("refuses non-strings", () => {
    expect(messageOf(undefined)).toBe("Code is required.");
    expect(messageOf(42)).toBe("Code is required.");
  });
});

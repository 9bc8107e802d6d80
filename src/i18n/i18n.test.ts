import { describe, expect, it } from "vitest";
import { format, localeFromAcceptLanguage } from "./index";

describe("localeFromAcceptLanguage", () => {
  it("picks Simplified Chinese for any zh tag and English otherwise", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-Hans")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, zh;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

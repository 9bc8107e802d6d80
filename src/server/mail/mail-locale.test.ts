import { describe, expect, it } from "vitest";
import { localeOfMailRequest } from "./mail-locale";

const request = (headers: Record<string, string>) => new Request("http://localhost/api/auth/sign-up/email", { headers });

describe("localeOfMailRequest", () => {
  it("prefers the interface language the person chose over their browser's", async () => {
    expect(await localeOfMailRequest(request({ cookie: "a=1; convlab-locale=zh-CN", "accept-language": "en-US" }))).toBe("zh-CN");
    expect(await localeOfMailRequest(request({ cookie: "convlab-locale=en", "accept-language": "zh-CN" }))).toBe("en");
  });

  it("falls back to Accept-Language, ignoring unknown cookie values", async () => {
    expect(await localeOfMailRequest(request({ cookie: "convlab-locale=fr", "accept-language": "zh-Hans" }))).toBe("zh-CN");
    expect(await localeOfMailRequest(request({}))).toBe("en");
  });

  it("answers in the default language outside any request", async () => {
    expect(await localeOfMailRequest(undefined)).toBe("en");
  });
});

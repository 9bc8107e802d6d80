import { describe, expect, it } from "vitest";
import { createFrameGrantCookie, FRAME_GRANT_COOKIE, readFrameGrant } from "./frame-grant";

const SECRET = "a-test-secret-of-at-least-32-characters!";

function valueOf(cookie: string): string {
  return cookie.split(";")[0]!.slice(FRAME_GRANT_COOKIE.length + 1);
}

describe("frame grant", () => {
  it("names the platforms' origins while valid, as a partitioned cross-site cookie", () => {
    const cookie = createFrameGrantCookie(["https://canvas.example.edu", "http://127.0.0.1:4100"], SECRET, 1_000);
    expect(cookie).toMatch(/HttpOnly; SameSite=None; Secure; Partitioned$/);
    expect(readFrameGrant(valueOf(cookie), SECRET, 2_000)).toEqual(["https://canvas.example.edu", "http://127.0.0.1:4100"]);
  });

  it("grants nothing when forged, signed with another secret, expired or malformed", () => {
    const value = valueOf(createFrameGrantCookie(["https://canvas.example.edu"], SECRET, 1_000));
    const [payload] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ origins: ["https://evil.example"], exp: 9e15 })).toString("base64url");
    expect(readFrameGrant(`${forged}.${value.split(".")[1]}`, SECRET)).toEqual([]);
    expect(readFrameGrant(value, "another-secret-of-at-least-32-characters", 2_000)).toEqual([]);
    expect(readFrameGrant(value, SECRET, 1_000 + 13 * 3600 * 1000)).toEqual([]);
    expect(readFrameGrant(payload, SECRET)).toEqual([]);
    expect(readFrameGrant(undefined, SECRET)).toEqual([]);
  });

  it("never carries anything but plain origins into the policy", () => {
    const cookie = createFrameGrantCookie(["https://ok.example", "https://x.example; script-src *", "*"], SECRET, 1_000);
    expect(readFrameGrant(valueOf(cookie), SECRET, 2_000)).toEqual(["https://ok.example"]);
  });
});

// Which sites may frame the pages a user opens after an LMS launch. Every page answers
// `frame-ancestors 'none'` (clickjacking), except in a browser that arrived through a framed
// LTI launch: the launch sets this signed, partitioned cookie naming the registered platforms'
// origins, and proxy.ts lets exactly those frame the pages that browser opens inside the LMS's
// iframe (the exercise, the instructor's progress). The signature (HMAC with the auth secret)
// keeps anyone else from granting framing through a cookie of their own making.
import { createHmac, timingSafeEqual } from "node:crypto";

export const FRAME_GRANT_COOKIE = "convlab-lti-frame";
/** As long as a framed launch's session is worth keeping: a working day. */
const GRANT_SECONDS = 12 * 3600;
/** An origin a grant may name: scheme, host, optional port, nothing that could break out of the CSP header. */
export const FRAME_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`frame-grant:${payload}`).digest("base64url");
}

export function createFrameGrantCookie(origins: readonly string[], secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ origins: origins.filter((o) => FRAME_ORIGIN.test(o)), exp: now + GRANT_SECONDS * 1000 })).toString("base64url");
  return `${FRAME_GRANT_COOKIE}=${payload}.${sign(payload, secret)}; Path=/; Max-Age=${GRANT_SECONDS}; HttpOnly; SameSite=None; Secure; Partitioned`;
}

/** The origins a valid, unexpired grant names; none for a missing, forged or expired one. */
export function readFrameGrant(value: string | undefined, secret: string, now = Date.now()): string[] {
  const [payload, signature] = (value ?? "").split(".");
  if (!payload || !signature) return [];
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { origins?: unknown; exp?: unknown };
    if (typeof parsed.exp !== "number" || parsed.exp < now || !Array.isArray(parsed.origins)) return [];
    return parsed.origins.filter((origin): origin is string => typeof origin === "string" && FRAME_ORIGIN.test(origin));
  } catch {
    return [];
  }
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertSameOriginJsonRequest, CROSS_SITE_POST_PREFIXES, isCrossSiteEndpoint, isSameOriginRequest } from "./request-origin";

function post(headers: Record<string, string>, url = "http://localhost:3000/api/courses/join"): Request {
  return new Request(url, { method: "POST", headers, body: "{}" });
}

function refusal(request: Request): string | null {
  try {
    assertSameOriginJsonRequest(request);
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe("isSameOriginRequest", () => {
  it("accepts an Origin naming the host the request was sent to, or Sec-Fetch-Site same-origin without one", () => {
    expect(isSameOriginRequest(post({ host: "course.example.edu", origin: "https://course.example.edu" }))).toBe(true);
    expect(isSameOriginRequest(post({ host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses another site, a look-alike host, an opaque origin, and a request that says nothing", () => {
    expect(isSameOriginRequest(post({ host: "course.example.edu", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(post({ host: "course.example.edu", origin: "https://course.example.edu.evil.example" }))).toBe(false);
    expect(isSameOriginRequest(post({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOriginRequest(post({ host: "localhost:3000", origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(post({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(post({ host: "localhost:3000", "sec-fetch-site": "same-site" }))).toBe(false);
  });
});

describe("assertSameOriginJsonRequest", () => {
  const own = { host: "localhost:3000", origin: "http://localhost:3000" };

  it("lets same-origin JSON through, with or without a charset", () => {
    expect(refusal(post({ ...own, "content-type": "application/json" }))).toBeNull();
    expect(refusal(post({ ...own, "content-type": "Application/JSON; charset=utf-8" }))).toBeNull();
  });

  it("refuses cross-origin with 403 before looking at the type, and anything but JSON with 415", () => {
    expect(refusal(post({ host: "localhost:3000", origin: "https://evil.example", "content-type": "application/json" }))).toBe("forbidden");
    expect(refusal(post({ ...own, "content-type": "text/plain" }))).toBe("unsupported_media_type");
    expect(refusal(post({ ...own, "content-type": "application/x-www-form-urlencoded" }))).toBe("unsupported_media_type");
    expect(refusal(post({ ...own, "content-type": "application/jsonp" }))).toBe("unsupported_media_type");
    expect(refusal(post(own))).toBe("unsupported_media_type");
    expect(new AppError("unsupported_media_type", "bodyNotJsonContentType").status).toBe(415);
  });

  it("leaves the endpoints of the one exemption list to their own checks", () => {
    expect(isCrossSiteEndpoint("/api/lti/launch")).toBe(true);
    expect(isCrossSiteEndpoint("/api/courses/join")).toBe(false);
    expect(refusal(post({ host: "localhost:3000", origin: "https://lms.example.edu", "content-type": "application/x-www-form-urlencoded" }, "http://localhost:3000/api/lti/launch"))).toBeNull();
  });
});

/** Every route.ts under app/api, as [path from app/, source]. */
function listApiRoutes(dir = path.join(process.cwd(), "app", "api")): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listApiRoutes(full);
    return entry.name === "route.ts" ? [[path.relative(path.join(process.cwd(), "app"), full), readFileSync(full, "utf8")]] : [];
  });
}

describe("the gate in front of state changes", () => {
  it("is passed by every POST, PUT, PATCH and DELETE route under app/api, except the exemption list's", () => {
    const routes = listApiRoutes();
    expect(routes.length).toBeGreaterThan(5);
    const ungated = routes
      .filter(([, source]) => /export (async function|const \{[^}]*\b)(POST|PUT|PATCH|DELETE)\b/.test(source))
      .filter(([file]) => !CROSS_SITE_POST_PREFIXES.some((prefix) => `/${file}`.startsWith(prefix)))
      .filter(([, source]) => !/\breadJsonBody\(|\bassertSameOriginJsonRequest\(/.test(source))
      .map(([file]) => file);
    expect(ungated).toEqual([]);
  });
});

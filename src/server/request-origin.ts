// Which requests may change state: JSON from a page of ConvLab itself. A form or a fetch from
// another site (cross-site request forgery) is refused before anything is read, and so is JSON
// sent as text/plain, which a foreign page can post without a CORS preflight.
import { AppError } from "./errors";
import { readEnv } from "./env";

/**
 * The one list of endpoints that other sites may post to, by path prefix. LTI launches (planned
 * under /api/lti/) arrive as form posts from the LMS and are checked by their signed launch
 * instead; add such endpoints here and nowhere else.
 */
export const CROSS_SITE_POST_PREFIXES: readonly string[] = ["/api/lti/"];

export function isCrossSiteEndpoint(pathname: string): boolean {
  return CROSS_SITE_POST_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** The origins ConvLab's own pages are served from: the configured public URL (BETTER_AUTH_URL). */
export function readTrustedOrigins(): string[] {
  const url = readEnv().BETTER_AUTH_URL;
  return url ? [new URL(url).origin] : [];
}

/**
 * Whether the request comes from one of ConvLab's own pages: its Origin is the configured public
 * origin or names the host the request was sent to (a browser sets both; a foreign page can set
 * neither). Without an Origin, the browser's Sec-Fetch-Site must say same-origin.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "same-origin";
  if (readTrustedOrigins().includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host !== "" && host === request.headers.get("host");
}

function isJsonContentType(value: string | null): boolean {
  return value !== null && value.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/**
 * The check in front of every state-changing JSON endpoint (POST, PUT, PATCH, DELETE under
 * app/api, better-auth's included): 403 from another site, 415 for anything but JSON.
 */
export function assertSameOriginJsonRequest(request: Request): void {
  if (isCrossSiteEndpoint(new URL(request.url).pathname)) return;
  if (!isSameOriginRequest(request)) throw new AppError("forbidden", "crossOriginRefused");
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("unsupported_media_type", "bodyNotJsonContentType");
}

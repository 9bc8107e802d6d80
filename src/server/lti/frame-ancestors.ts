// Which sites may frame ConvLab after a launch: per registered platform, the origins its admin set
// on the admin page, or by default the origins of its issuer and OIDC login URL (where Canvas,
// Moodle, Blackboard serve the course page that holds the iframe). A launch grants exactly its
// own platform's origins (frame-grant.ts); only the error page, which may come before the platform
// is known and offers no action, may be framed by any registered platform.
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { FRAME_ORIGIN } from "./frame-grant";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** More than any LMS needs (a host, a vanity domain, a mobile shell): a typo-paste guard. */
const MAX_FRAME_ORIGINS = 10;

/** One origin as a browser sends it: scheme, host, port; https except on this machine. */
const ZFrameOrigin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if (url.pathname !== "/" || url.search || url.hash || url.username || !FRAME_ORIGIN.test(url.origin)) throw new Error("not an origin");
      if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
        ctx.addIssue({ code: "custom", message: "ltiFrameOriginNeedsHttps"});
        return z.NEVER;
      }
      return url.origin;
    } catch {
      ctx.addIssue({ code: "custom", message: "ltiFrameOriginInvalid"});
      return z.NEVER;
    }
  });
export const ZFrameOrigins = z.array(ZFrameOrigin).max(MAX_FRAME_ORIGINS, "ltiFrameOriginsTooMany");
export const ZStoredFrameOrigins = z.array(z.string().regex(FRAME_ORIGIN));

type TFramedPlatform = { issuer: string; authLoginUrl: string; frameOrigins: unknown };

/** The default: the origins of the platform's issuer and OIDC login URL. */
export function deriveFrameOrigins(platform: { issuer: string; authLoginUrl: string }): string[] {
  return [...new Set([platform.issuer, platform.authLoginUrl].map((url) => new URL(url).origin))].sort();
}

/** The origins a platform's launches may be framed by: set by the admin, else derived. */
export function platformFrameOrigins(platform: TFramedPlatform): string[] {
  const stored = ZStoredFrameOrigins.safeParse(platform.frameOrigins);
  return stored.success && stored.data.length > 0 ? stored.data : deriveFrameOrigins(platform);
}

/** One platform's framing origins, or (no id: the error page) every registered platform's. */
export async function listFrameAncestors(db: TDb, platformId?: string): Promise<string[]> {
  const platforms = await db.ltiPlatform.findMany({ where: platformId ? { id: platformId } : {}, select: { issuer: true, authLoginUrl: true, frameOrigins: true } });
  return [...new Set(platforms.flatMap(platformFrameOrigins))].sort();
}

/**
 * Sets the origins that may frame a platform's launches, one per line; empty text (stored as an
 * empty list) goes back to the derived default. Returns what is in force afterwards.
 */
export async function setFrameOrigins(db: TDb, options: { platformId: string; text: string }): Promise<string[]> {
  const lines = options.text.split(/[\s,]+/).filter((line) => line !== "");
  const origins = [...new Set(ZFrameOrigins.parse(lines))].sort();
  const platform = await db.ltiPlatform.findUnique({ where: { id: options.platformId } });
  if (!platform) throw new AppError("not_found", "notFound");
  const saved = await db.ltiPlatform.update({ where: { id: platform.id }, data: { frameOrigins: origins } });
  return platformFrameOrigins(saved);
}

export function frameAncestorsDirective(origins: string[]): string {
  return `frame-ancestors ${origins.length > 0 ? origins.join(" ") : "'none'"}`;
}

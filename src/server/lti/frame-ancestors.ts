// Which sites may frame ConvLab's LTI landing pages: exactly the registered platforms' origins.
// Kept in one function so the app-wide security headers (frame-ancestors 'none' elsewhere) can
// call it for the launch landing pages.
import type { TDb } from "@/server/db-client";

export async function listFrameAncestors(db: TDb): Promise<string[]> {
  const platforms = await db.ltiPlatform.findMany({ select: { issuer: true, authLoginUrl: true } });
  const origins = new Set<string>();
  for (const platform of platforms) {
    for (const url of [platform.issuer, platform.authLoginUrl]) {
      try {
        origins.add(new URL(url).origin);
      } catch {
        // registerPlatform validated these; an unparsable one simply frames nothing
      }
    }
  }
  return [...origins].sort();
}

export function frameAncestorsDirective(origins: string[]): string {
  return `frame-ancestors ${origins.length > 0 ? origins.join(" ") : "'none'"}`;
}

// The sessions this process has verified in the last minute, keyed by the request's whole Cookie
// header. On deadline night a student's Submit and its long polls are most of the requests; each
// asked better-auth again (a cookie signature check and two queries). With this, the hot routes
// (requireRecentUser) ask once a minute per browser. The trade-off: a session ended elsewhere
// (deleted in the database by another process) or just expired still passes those two routes
// for up to a minute;
// every page and every other route reads the database on each request. A sign-out, a password
// change or reset, a revoked session or a changed role in this process forgets every entry at once.
import "server-only";
import { LRUCache } from "lru-cache";
import type { TSessionUser } from "@/server/permissions/roles";

/** How long a verified session is trusted on the hot routes without asking the database again. */
export const RECENT_SESSION_MS = 60_000;

const globalKey = Symbol.for("convlab.recent-sessions");
type TGlobal = typeof globalThis & { [globalKey]?: LRUCache<string, TSessionUser> };

// On globalThis: Next.js bundles the auth routes and the app routes separately, and a sign-out
// in one must empty the cache the other reads.
function readCache(): LRUCache<string, TSessionUser> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= new LRUCache<string, TSessionUser>({ max: 20_000, ttl: RECENT_SESSION_MS });
  return g[globalKey];
}

export function findRecentSession(cookieHeader: string): TSessionUser | undefined {
  return readCache().get(cookieHeader);
}

export function rememberRecentSession(cookieHeader: string, user: TSessionUser): void {
  readCache().set(cookieHeader, user);
}

/** After anything that ends a session or changes what one may do. */
export function forgetRecentSessions(): void {
  readCache().clear();
}

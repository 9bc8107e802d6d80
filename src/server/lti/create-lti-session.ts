// A launch ends in an ordinary better-auth session, made through better-auth's own adapter so
// every page and API sees it as after a sign-in. Inside the LMS's iframe the cookie must be
// SameSite=None; Secure (browsers treat http://localhost as secure) and Partitioned (CHIPS):
// browsers that block third-party cookies, Chromium's default now, still keep a partitioned one
// for ConvLab under the LMS's site.
import "server-only";
import { createHmac } from "node:crypto";
import { auth } from "@/server/auth/auth";

export async function createLtiSessionCookie(userId: string, options: { isFramed: boolean }): Promise<string> {
  const context = await auth.$context;
  const session = await context.internalAdapter.createSession(userId);
  if (!session) throw new Error(`better-auth created no session for user ${userId}`);
  // better-call's signed-cookie format: "<token>.<base64 HMAC-SHA256(secret, token)>", URI-encoded.
  const signature = createHmac("sha256", context.secret).update(session.token).digest("base64");
  const value = encodeURIComponent(`${session.token}.${signature}`);
  const maxAge = Math.max(0, Math.floor((new Date(session.expiresAt).getTime() - Date.now()) / 1000));
  const name = context.authCookies.sessionToken.name;
  // better-auth names the cookie __Secure-… under an https base URL, and such a name requires Secure.
  const site = options.isFramed ? "SameSite=None; Secure; Partitioned" : `SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`;
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; ${site}`;
}

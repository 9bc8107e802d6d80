// A launch ends in an ordinary better-auth session, made through better-auth's own adapter so
// every page and API sees it as after a sign-in. The cookie is SameSite=None; Secure because the
// LMS shows ConvLab in an iframe on another site (browsers treat http://localhost as secure).
import "server-only";
import { createHmac } from "node:crypto";
import { auth } from "@/server/auth/auth";

export async function createLtiSessionCookie(userId: string): Promise<string> {
  const context = await auth.$context;
  const session = await context.internalAdapter.createSession(userId);
  if (!session) throw new Error(`better-auth created no session for user ${userId}`);
  // better-call's signed-cookie format: "<token>.<base64 HMAC-SHA256(secret, token)>", URI-encoded.
  const signature = createHmac("sha256", context.secret).update(session.token).digest("base64");
  const value = encodeURIComponent(`${session.token}.${signature}`);
  const maxAge = Math.max(0, Math.floor((new Date(session.expiresAt).getTime() - Date.now()) / 1000));
  return `${context.authCookies.sessionToken.name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=None; Secure`;
}

// Who is making this request: read from the better-auth session cookie, on the server only.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { auth } from "@/server/auth/auth";
import { findRecentSession, rememberRecentSession } from "@/server/auth/recent-sessions";
import { AppError } from "@/server/errors";
import { ZUserRole, type TSessionUser } from "@/server/permissions/roles";

const ZSessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZUserRole.catch("student"),
});

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return ZSessionUser.parse(session.user);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUserForPage(returnTo?: string): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For route handlers and server actions: the signed-in user, or an unauthenticated AppError. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "signInFirst");
  return user;
}

/**
 * requireUser for the deadline-night routes only (Submit and its long polls): a session this
 * process verified within RECENT_SESSION_MS is trusted without asking the database again
 * (src/server/auth/recent-sessions.ts says what that trades).
 */
export async function requireRecentUser(): Promise<TSessionUser> {
  const cookieHeader = (await headers()).get("cookie");
  const known = cookieHeader ? findRecentSession(cookieHeader) : undefined;
  if (known) return known;
  const user = await requireUser();
  if (cookieHeader) rememberRecentSession(cookieHeader, user);
  return user;
}

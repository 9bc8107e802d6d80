// The HTTP side of the launch flow, shared by the /api/lti/* route handlers: login initiation,
// the launch form post and the new-window ticket. Every refusal is logged and answered with a
// page that says what to tell the LMS admin.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import type { TDb } from "@/server/db-client";
import { readAuthSecret } from "@/server/env";
import { toAppError } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { applyLaunch, findLandingPath } from "./apply-launch";
import { createLtiSessionCookie } from "./create-lti-session";
import { createDeepLinkRequestToken } from "./deep-linking";
import { listFrameAncestors } from "./frame-ancestors";
import { createFrameGrantCookie } from "./frame-grant";
import { createLaunchTicket, redeemLaunchTicket } from "./launch-ticket";
import { LtiFailure, logLtiFailure } from "./lti-failure";
import { renderFailurePage, renderLaunchPage } from "./render-lti-page";
import { requestRosterSync } from "./sync-roster";
import { LOGIN_LIFETIME_SECONDS, startLogin, stateCookieName } from "./start-login";
import { validateLaunch } from "./validate-launch";

function htmlResponse(rendered: { html: string; csp: string }, status: number, extraHeaders: [string, string][] = []): Response {
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "content-security-policy": rendered.csp, "cache-control": "no-store", "referrer-policy": "no-referrer" });
  for (const [name, value] of extraHeaders) headers.append(name, value);
  return new Response(rendered.html, { status, headers });
}

async function failureResponse(db: TDb, error: unknown, where: string): Promise<Response> {
  const failure = error instanceof LtiFailure ? error : null;
  if (!failure) {
    toAppError(error);
    return failureResponse(db, new LtiFailure("internalError", "unexpected error, see the log line before"), where);
  }
  logLtiFailure(failure, where);
  const status = failure.reason === "jwksUnreachable" ? 502 : failure.reason === "internalError" ? 500 : 400;
  return htmlResponse(renderFailurePage({ locale: await getLocale(), failure, frameAncestors: await listFrameAncestors(db) }), status);
}

async function readParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  const url = new URL(request.url);
  url.searchParams.forEach((value, key) => (params[key] = value));
  if (request.method === "POST") {
    const form = await request.formData().catch(() => null);
    form?.forEach((value, key) => {
      if (typeof value === "string") params[key] = value;
    });
  }
  return params;
}

export async function respondToLogin(db: TDb, request: Request): Promise<Response> {
  try {
    const { redirectUrl, state } = await startLogin(db, await readParams(request));
    const cookie = `${stateCookieName(state)}=${state}; Path=/api/lti; Max-Age=${LOGIN_LIFETIME_SECONDS}; HttpOnly; SameSite=None; Secure; Partitioned`;
    return new Response(null, { status: 302, headers: { location: redirectUrl, "set-cookie": cookie, "cache-control": "no-store" } });
  } catch (error) {
    return failureResponse(db, error, "login");
  }
}

export async function respondToLaunch(db: TDb, request: Request): Promise<Response> {
  try {
    const params = await readParams(request);
    const state = params.state ?? null;
    const stateCookie = state ? ((await cookies()).get(stateCookieName(state))?.value ?? null) : null;
    const launch = await validateLaunch(db, { idToken: params.id_token ?? null, state, stateCookie });
    const applied = await applyLaunch(db, launch);
    if (applied.role === "instructor") requestRosterSync(db, applied.ltiContextId);
    const target =
      launch.claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] === "LtiDeepLinkingRequest"
        ? `/lti/deep-link?request=${encodeURIComponent(await createDeepLinkRequestToken(db, launch, applied))}`
        : await findLandingPath(db, applied);
    const ticket = await createLaunchTicket(db, { userId: applied.userId, redirectTo: target });
    const nonce = randomBytes(16).toString("base64");
    // Exactly this platform may frame what the browser opens next (not every registered LMS).
    const frameAncestors = await listFrameAncestors(db, launch.platform.id);
    const page = renderLaunchPage({ locale: await getLocale(), target, ticketUrl: `/api/lti/ticket?t=${ticket}`, nonce, frameAncestors });
    return htmlResponse(page, 200, [
      ["set-cookie", await createLtiSessionCookie(applied.userId, { isFramed: true })],
      ["set-cookie", createFrameGrantCookie(frameAncestors, readAuthSecret())],
      ["set-cookie", `${stateCookieName(state!)}=; Path=/api/lti; Max-Age=0; HttpOnly; SameSite=None; Secure; Partitioned`],
    ]);
  } catch (error) {
    return failureResponse(db, error, "launch");
  }
}

export async function respondToTicket(db: TDb, request: Request): Promise<Response> {
  try {
    const token = new URL(request.url).searchParams.get("t") ?? "";
    const { userId, redirectTo } = await redeemLaunchTicket(db, token);
    return new Response(null, { status: 303, headers: { location: redirectTo, "set-cookie": await createLtiSessionCookie(userId, { isFramed: false }), "cache-control": "no-store" } });
  } catch (error) {
    return failureResponse(db, error, "ticket");
  }
}

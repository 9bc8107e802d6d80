// OIDC third-party login initiation (LTI Core §5.1.1, Security Framework §5.1.1.1): remember a
// state and a nonce server-side and send the browser to the platform's authorization endpoint.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { LtiFailure } from "./lti-failure";
import { buildToolUrls, readToolBaseUrl } from "./tool-urls";

export const LOGIN_LIFETIME_SECONDS = 10 * 60;

export const ZLoginInitiation = z.object({
  iss: z.string().min(1),
  login_hint: z.string().min(1),
  target_link_uri: z.string().url(),
  lti_message_hint: z.string().optional(),
  client_id: z.string().optional(),
  lti_deployment_id: z.string().optional(),
});

export interface TLoginRedirect {
  redirectUrl: string;
  state: string;
}

export async function startLogin(db: TDb, params: Record<string, string>, now = new Date()): Promise<TLoginRedirect> {
  const parsed = ZLoginInitiation.safeParse(params);
  if (!parsed.success) throw new LtiFailure("loginRequestInvalid", parsed.error.issues.map((issue) => issue.path.join(".")).join(", "));
  const input = parsed.data;
  const platforms = await db.ltiPlatform.findMany({ where: { issuer: input.iss, ...(input.client_id ? { clientId: input.client_id } : {}) } });
  if (platforms.length === 0) throw new LtiFailure("platformUnknown", `iss ${input.iss} client_id ${input.client_id ?? "(none)"}`);
  if (platforms.length > 1) throw new LtiFailure("loginRequestInvalid", `several registrations of ${input.iss}: the login request must carry client_id`);
  if (!input.target_link_uri.startsWith(`${readToolBaseUrl()}/`)) throw new LtiFailure("loginRequestInvalid", `target_link_uri ${input.target_link_uri} is not on this tool`);
  const platform = platforms[0]!;
  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  await db.ltiNonce.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.ltiNonce.create({ data: { state, nonce, platformId: platform.id, targetLinkUri: input.target_link_uri, expiresAt: new Date(now.getTime() + LOGIN_LIFETIME_SECONDS * 1000) } });
  const url = new URL(platform.authLoginUrl);
  const query: Record<string, string | undefined> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: buildToolUrls().launch,
    login_hint: input.login_hint,
    lti_message_hint: input.lti_message_hint,
    state,
    nonce,
  };
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return { redirectUrl: url.toString(), state };
}

/**
 * The cookie that binds the state to this browser. It must survive the platform's cross-site form
 * post (SameSite=None; Lax would be dropped) inside a third-party iframe (Partitioned).
 */
export function stateCookieName(state: string): string {
  return `lti_state_${state}`;
}

// OAuth 2 access tokens for the LTI Advantage services (Security Framework §4.1): the
// client_credentials grant with a private_key_jwt assertion whose aud is the token URL (Canvas
// insists on it), cached per platform and scope set until shortly before expiry.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { getSigningKey } from "./tool-keys";

const ZTokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive().default(3600) });
const EXPIRY_MARGIN_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

const cache = new Map<string, { token: string; expiresAt: number }>();

export class ServiceCallError extends Error {
  constructor(
    readonly status: number | null,
    readonly body: string,
    /** how long the LMS asked to wait (a Retry-After header in seconds, RFC 9110 §10.2.3), if it said */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(status === null ? `network error: ${body}` : `HTTP ${status}: ${body}`);
    this.name = "ServiceCallError";
  }
}

export interface TServicePlatform {
  id: string;
  clientId: string;
  authTokenUrl: string;
}

export async function getAccessToken(db: TDb, platform: TServicePlatform, scopes: string[]): Promise<string> {
  const scope = [...scopes].sort().join(" ");
  const key = `${platform.id} ${scope}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now() + EXPIRY_MARGIN_MS) return cached.token;
  const { kid, key: signingKey } = await getSigningKey(db);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.authTokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomUUID())
    .sign(signingKey);
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope,
  });
  let response: Response;
  try {
    response = await fetch(platform.authTokenUrl, { method: "POST", body, headers: { accept: "application/json" }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new ServiceCallError(null, (error as Error).message);
  }
  const text = await response.text();
  if (!response.ok) throw new ServiceCallError(response.status, `token endpoint: ${text.slice(0, 500)}`);
  const parsed = ZTokenResponse.safeParse(JSON.parse(text || "null"));
  if (!parsed.success) throw new ServiceCallError(response.status, `token endpoint answered without access_token: ${text.slice(0, 200)}`);
  cache.set(key, { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 });
  return parsed.data.access_token;
}

/** Retry-After in delta-seconds or as an HTTP date; null when absent or unreadable. */
function readRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** A 401 means the cached token went bad (revoked, platform restarted): forget it. */
export function forgetAccessTokens(platformId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${platformId} `)) cache.delete(key);
}

/** A service call with a bearer token; non-2xx answers become ServiceCallError with the LMS's text. */
export async function callService(db: TDb, platform: TServicePlatform, scopes: string[], url: string, init: { method?: string; accept: string; contentType?: string; body?: unknown }): Promise<Response> {
  const token = await getAccessToken(db, platform, scopes);
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, accept: init.accept, ...(init.contentType ? { "content-type": init.contentType } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServiceCallError(null, (error as Error).message);
  }
  if (response.status === 401) forgetAccessTokens(platform.id);
  if (!response.ok) throw new ServiceCallError(response.status, (await response.text()).slice(0, 500), readRetryAfter(response.headers.get("retry-after")));
  return response;
}

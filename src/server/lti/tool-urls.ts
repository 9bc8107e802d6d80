// The tool's fixed endpoints, printed from the public URL the server runs under (BETTER_AUTH_URL),
// so what an LMS admin pastes is what the browser will reach.
import { readEnv } from "@/server/env";

export interface TToolUrls {
  login: string;
  launch: string;
  jwks: string;
  /** Deep-linking requests arrive at the same redirect URI as launches (LTI Core §5.1.1). */
  deepLink: string;
}

export function readToolBaseUrl(): string {
  const env = readEnv();
  return (env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function buildToolUrls(base = readToolBaseUrl()): TToolUrls {
  return { login: `${base}/api/lti/login`, launch: `${base}/api/lti/launch`, jwks: `${base}/api/lti/jwks`, deepLink: `${base}/api/lti/launch` };
}

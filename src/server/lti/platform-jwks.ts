// Platform public keys, fetched from the registered JWKS URL and cached per URL. A token signed
// under a kid the cache lacks makes it refetch once: that is how a platform's key rotation shows.
import { createLocalJWKSet, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput, type CryptoKey } from "jose";
import { z } from "zod";
import { LtiFailure } from "./lti-failure";

const FETCH_TIMEOUT_MS = 5000;
/** Keys are refetched at least this often even without an unknown kid. */
const CACHE_TTL_MS = 60 * 60 * 1000;

const ZJwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

const cache = new Map<string, { jwks: JSONWebKeySet; fetchedAt: number }>();

async function fetchJwks(url: string): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "application/json" } });
  } catch (error) {
    throw new LtiFailure("jwksUnreachable", `GET ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new LtiFailure("jwksUnreachable", `GET ${url}: HTTP ${response.status}`);
  const parsed = ZJwks.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new LtiFailure("jwksUnreachable", `GET ${url}: not a JWKS document`);
  const jwks = parsed.data as JSONWebKeySet;
  cache.set(url, { jwks, fetchedAt: Date.now() });
  return jwks;
}

function hasKid(jwks: JSONWebKeySet, kid: string | undefined): boolean {
  return kid === undefined ? jwks.keys.length > 0 : jwks.keys.some((key) => key.kid === kid);
}

/** A key resolver for jose's jwtVerify that refetches the platform's JWKS once on an unknown kid. */
export function platformKeyResolver(url: string) {
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    const cached = cache.get(url);
    let jwks = cached && Date.now() - cached.fetchedAt < CACHE_TTL_MS ? cached.jwks : await fetchJwks(url);
    if (!hasKid(jwks, header.kid) && jwks === cached?.jwks) jwks = await fetchJwks(url);
    return (await createLocalJWKSet(jwks)(header, token)) as CryptoKey;
  };
}

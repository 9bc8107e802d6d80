// Validates an LTI 1.3 launch (LTI Core §5.1.3 and Security Framework §5.1.3): the id_token's
// signature against the platform's JWKS, iss/aud/azp, exp/iat with a small skew, the deployment,
// the message type, the version and the required claims; then the state cookie and the single-use
// nonce stored at login. Nothing is written before every check has passed but the nonce's use.
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { TDb } from "@/server/db-client";
import { LTI, ZDeepLinkingClaims, ZResourceLinkClaims, type TLaunchClaims } from "./lti-claims";
import { LtiFailure } from "./lti-failure";
import { platformKeyResolver } from "./platform-jwks";

export const CLOCK_SKEW_SECONDS = 60;
/** Asymmetric algorithms only: "none" and HS256 (a shared secret anyone could hold) are refused. */
const ALGORITHMS = ["RS256", "RS384", "RS512"];
const MESSAGE_TYPES = new Set(["LtiResourceLinkRequest", "LtiDeepLinkingRequest"]);

export interface TValidatedLaunch {
  platform: { id: string; issuer: string; clientId: string; authTokenUrl: string };
  claims: TLaunchClaims;
}

function readUnverified(idToken: string): { alg: string | undefined; payload: JWTPayload } {
  try {
    return { alg: decodeProtectedHeader(idToken).alg, payload: decodeJwt(idToken) };
  } catch (error) {
    throw new LtiFailure("tokenMalformed", (error as Error).message);
  }
}

function audiences(payload: JWTPayload): string[] {
  return typeof payload.aud === "string" ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
}

async function verifySignature(idToken: string, jwksUrl: string, issuer: string, clientId: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, platformKeyResolver(jwksUrl), {
      algorithms: ALGORITHMS,
      issuer,
      audience: clientId,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "iat", "nonce", "sub"],
    });
    return payload;
  } catch (error) {
    if (error instanceof LtiFailure) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new LtiFailure("tokenExpired", error.message);
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      if (error.claim === "nbf" || error.claim === "iat") throw new LtiFailure("tokenFromFuture", error.message);
      if (error.claim === "aud") throw new LtiFailure("audienceWrong", error.message);
      throw new LtiFailure("claimsMissing", error.message);
    }
    if (error instanceof joseErrors.JOSEAlgNotAllowed) throw new LtiFailure("algorithmRefused", error.message);
    throw new LtiFailure("signatureInvalid", (error as Error).message);
  }
}

export async function validateLaunch(db: TDb, input: { idToken: string | null; state: string | null; stateCookie: string | null; now?: Date }): Promise<TValidatedLaunch> {
  const now = input.now ?? new Date();
  if (!input.idToken) throw new LtiFailure("tokenMissing", "no id_token in the form post");
  const { alg, payload } = readUnverified(input.idToken);
  if (!alg || !ALGORITHMS.includes(alg)) throw new LtiFailure("algorithmRefused", `alg ${alg ?? "(none)"}`);
  if (typeof payload.iss !== "string") throw new LtiFailure("claimsMissing", "iss");
  const candidates = await db.ltiPlatform.findMany({ where: { issuer: payload.iss } });
  if (candidates.length === 0) throw new LtiFailure("platformUnknown", `iss ${payload.iss}`);
  const aud = audiences(payload);
  const platform = candidates.find((candidate) => aud.includes(candidate.clientId));
  if (!platform) throw new LtiFailure("audienceWrong", `aud ${JSON.stringify(payload.aud)} is none of the client ids registered for ${payload.iss}`);

  const verified = await verifySignature(input.idToken, platform.jwksUrl, platform.issuer, platform.clientId);
  if (typeof verified.iat === "number" && verified.iat > now.getTime() / 1000 + CLOCK_SKEW_SECONDS) throw new LtiFailure("tokenFromFuture", `iat ${verified.iat}`);
  if ((aud.length > 1 || verified.azp !== undefined) && verified.azp !== platform.clientId) throw new LtiFailure("audienceWrong", `azp ${String(verified.azp)}`);

  const messageType = verified[`${LTI}message_type`];
  if (typeof messageType !== "string") throw new LtiFailure("claimsMissing", "message_type");
  if (!MESSAGE_TYPES.has(messageType)) throw new LtiFailure("messageTypeUnsupported", messageType);
  if (verified[`${LTI}version`] !== "1.3.0") throw new LtiFailure("versionUnsupported", String(verified[`${LTI}version`]));
  const parsed = (messageType === "LtiResourceLinkRequest" ? ZResourceLinkClaims : ZDeepLinkingClaims).safeParse(verified);
  if (!parsed.success) throw new LtiFailure("claimsMissing", parsed.error.issues.map((issue) => issue.path.join(".")).join(", "));
  const claims = parsed.data as TLaunchClaims;

  const deploymentId = claims[`${LTI}deployment_id`] as string;
  const deployment = await db.ltiDeployment.findUnique({ where: { platformId_deploymentId: { platformId: platform.id, deploymentId } } });
  if (!deployment) throw new LtiFailure("deploymentUnknown", `deployment_id ${deploymentId} of ${platform.issuer}`);

  if (!input.state || !input.stateCookie || input.stateCookie !== input.state) throw new LtiFailure("stateMissing", input.stateCookie ? "state differs from the cookie" : "no state cookie");
  // One conditional update both checks and consumes: two posts of the same token cannot both win.
  const consumed = await db.ltiNonce.updateMany({
    where: { state: input.state, nonce: claims.nonce, platformId: platform.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (consumed.count !== 1) throw new LtiFailure("nonceReplayed", `nonce ${claims.nonce} unknown, expired, used or from another login`);

  return { platform: { id: platform.id, issuer: platform.issuer, clientId: platform.clientId, authTokenUrl: platform.authTokenUrl }, claims };
}

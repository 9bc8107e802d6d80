// Deep Linking 2.0: the instructor picks an assignment (or an exercise, which becomes a new
// assignment) and ConvLab answers the platform with a signed LtiDeepLinkingResponse holding one
// ltiResourceLink item. Its custom parameter carries the assignment id, its lineItem the points.
// The request's settings travel between the launch and the picker page in a short-lived JWT
// signed with the tool's own key, so no server-side table is needed for them.
import { randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import type { TAppliedLaunch } from "./apply-launch";
import { ASSIGNMENT_CUSTOM_PARAM, DL, LTI, type TDeepLinkingClaims } from "./lti-claims";
import { LtiFailure } from "./lti-failure";
import { getSigningKey, listPublicJwks } from "./tool-keys";
import { buildToolUrls } from "./tool-urls";
import type { TValidatedLaunch } from "./validate-launch";

const REQUEST_AUDIENCE = "convlab:deep-link-request";
const REQUEST_LIFETIME = "1h";

const ZDeepLinkRequest = z.object({
  platformId: z.string(),
  deploymentId: z.string(),
  returnUrl: z.string().url(),
  data: z.string().optional(),
  ltiContextId: z.string(),
  userId: z.string(),
});
/** The signed request, plus the course its LMS context is linked to now (the instructor may relink it). */
export type TDeepLinkRequest = z.infer<typeof ZDeepLinkRequest> & { courseId: string };

export async function createDeepLinkRequestToken(db: TDb, launch: TValidatedLaunch, applied: TAppliedLaunch): Promise<string> {
  const claims = launch.claims as TDeepLinkingClaims;
  const settings = claims[`${DL}deep_linking_settings`] as { deep_link_return_url: string; accept_types: string[]; data?: string };
  if (!settings.accept_types.includes("ltiResourceLink")) throw new LtiFailure("messageTypeUnsupported", `accept_types ${settings.accept_types.join(",")} lacks ltiResourceLink`);
  const request: z.infer<typeof ZDeepLinkRequest> = {
    platformId: launch.platform.id,
    deploymentId: claims[`${LTI}deployment_id`] as string,
    returnUrl: settings.deep_link_return_url,
    data: settings.data,
    ltiContextId: applied.ltiContextId,
    userId: applied.userId,
  };
  const { kid, key } = await getSigningKey(db);
  return new SignJWT(request).setProtectedHeader({ alg: "RS256", kid }).setAudience(REQUEST_AUDIENCE).setIssuedAt().setExpirationTime(REQUEST_LIFETIME).sign(key);
}

export async function readDeepLinkRequestToken(db: TDb, token: string): Promise<TDeepLinkRequest> {
  let request: z.infer<typeof ZDeepLinkRequest>;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await listPublicJwks(db)), { audience: REQUEST_AUDIENCE, algorithms: ["RS256"] });
    request = ZDeepLinkRequest.parse(payload);
  } catch (error) {
    throw new LtiFailure("nonceReplayed", `deep-link request token: ${(error as Error).message}`);
  }
  const context = await db.ltiContext.findUnique({ where: { id: request.ltiContextId }, select: { courseId: true } });
  if (!context) throw new LtiFailure("courseNotLinked", `LTI context ${request.ltiContextId} is gone`);
  return { ...request, courseId: context.courseId };
}

/** An assignment's points: each exercise's own points unless the assignment overrides them. */
export async function readAssignmentPoints(db: TDb, assignmentId: string): Promise<number> {
  const rows = await db.assignmentExercise.findMany({ where: { assignmentId }, include: { exercise: { select: { points: true } } } });
  return rows.reduce((sum, row) => sum + (row.points ?? row.exercise.points), 0);
}

/** The signed LtiDeepLinkingResponse JWT for one assignment (Deep Linking 2.0 §4.2 and §3.4.2). */
export async function buildDeepLinkingResponse(db: TDb, request: TDeepLinkRequest, assignmentId: string): Promise<string> {
  const platform = await db.ltiPlatform.findUniqueOrThrow({ where: { id: request.platformId } });
  const assignment = await db.assignment.findFirstOrThrow({ where: { id: assignmentId, courseId: request.courseId } });
  const scoreMaximum = await readAssignmentPoints(db, assignment.id);
  const item = {
    type: "ltiResourceLink",
    title: assignment.title,
    url: buildToolUrls().launch,
    custom: { [ASSIGNMENT_CUSTOM_PARAM]: assignment.id },
    lineItem: { scoreMaximum, label: assignment.title, resourceId: assignment.id },
    ...(assignment.dueAt ? { submission: { endDateTime: assignment.dueAt.toISOString() } } : {}),
  };
  const { kid, key } = await getSigningKey(db);
  return new SignJWT({
    nonce: randomUUID(),
    azp: platform.clientId,
    [`${LTI}deployment_id`]: request.deploymentId,
    [`${LTI}message_type`]: "LtiDeepLinkingResponse",
    [`${LTI}version`]: "1.3.0",
    [`${DL}content_items`]: [item],
    ...(request.data !== undefined ? { [`${DL}data`]: request.data } : {}),
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

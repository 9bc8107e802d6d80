// The instructor's pick in the deep-linking picker: checked against the signed request (same
// user, instructor of its course), optionally a new assignment, then the signed response is
// form-posted to the platform's deep_link_return_url.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getLocale } from "@/i18n/server";
import { requireUser } from "@/server/auth/current-user";
import type { TDb } from "@/server/db-client";
import { AppError, toErrorResponse } from "@/server/errors";
import { canLinkLtiContent } from "@/server/permissions/lti-permissions";
import { getMembership } from "@/server/roster/get-membership";
import { createLinkedAssignment } from "./create-linked-assignment";
import { buildDeepLinkingResponse, readDeepLinkRequestToken } from "./deep-linking";
import { listFrameAncestors } from "./frame-ancestors";
import { relinkContext } from "./relink-context";
import { renderAutoPostPage } from "./render-lti-page";
import { requestRosterSync } from "./sync-roster";

const ZChoice = z.union([
  z.object({ request: z.string().min(1), assignmentId: z.string().min(1) }),
  z.object({ request: z.string().min(1), exerciseId: z.string().min(1) }),
  z.object({ request: z.string().min(1), linkCourseId: z.string().min(1) }),
]);

export async function respondToDeepLinkChoice(db: TDb, request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const choice = ZChoice.parse(Object.fromEntries((await request.formData()).entries()));
    const deepLink = await readDeepLinkRequestToken(db, choice.request);
    if (deepLink.userId !== user.id) throw new AppError("forbidden", "onlyCourseInstructors");
    if ("linkCourseId" in choice) {
      await relinkContext(db, { user, ltiContextId: deepLink.ltiContextId, courseId: choice.linkCourseId });
      requestRosterSync(db, deepLink.ltiContextId);
      return new Response(null, { status: 303, headers: { location: `/lti/deep-link?request=${encodeURIComponent(choice.request)}` } });
    }
    if (!canLinkLtiContent(user, await getMembership(db, { userId: user.id, courseId: deepLink.courseId }))) throw new AppError("forbidden", "onlyCourseInstructors");
    const assignmentId = "assignmentId" in choice ? choice.assignmentId : await createLinkedAssignment(db, { courseId: deepLink.courseId, exerciseId: choice.exerciseId });
    const exists = await db.assignment.findFirst({ where: { id: assignmentId, courseId: deepLink.courseId }, select: { id: true } });
    if (!exists) throw new AppError("not_found", "assignmentNotFound");
    const jwt = await buildDeepLinkingResponse(db, deepLink, assignmentId);
    const page = renderAutoPostPage({ locale: await getLocale(), action: deepLink.returnUrl, fields: { JWT: jwt }, nonce: randomBytes(16).toString("base64"), frameAncestors: await listFrameAncestors(db, deepLink.platformId) });
    return new Response(page.html, { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": page.csp, "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}

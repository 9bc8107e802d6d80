// The instructor's "Sync roster now": the course's members fetched from every LMS course linked
// to it (NRPS), with a result to show, or an error that says what the LMS answered.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { canManageLtiGradeSync } from "@/server/permissions/lti-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { ServiceCallError } from "./access-token";
import { syncRoster, type TRosterSyncResult } from "./sync-roster";

export async function syncCourseRoster(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<TRosterSyncResult> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageLtiGradeSync });
  const contexts = await db.ltiContext.findMany({ where: { courseId: options.courseId }, include: { platform: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
  if (contexts.length === 0) throw new AppError("bad_request", "ltiRosterNotLinked");
  const total: TRosterSyncResult = { active: 0, removed: 0 };
  for (const context of contexts) {
    if (!context.membershipsUrl) throw new AppError("bad_request", "ltiRosterNoService", { lms: context.platform.name });
    try {
      const result = await syncRoster(db, context.id);
      total.active += result.active;
      total.removed += result.removed;
    } catch (error) {
      if (!(error instanceof ServiceCallError)) throw error;
      log("lti", "warn", "lti roster sync refused by the LMS", { ltiContextId: context.id, error: error.message });
      throw new AppError("unavailable", "ltiRosterLmsFailed", { lms: context.platform.name, answer: error.message.slice(0, 300) });
    }
  }
  return total;
}

// Staff publish an assignment's results (or take them back): what waits for "when staff publish"
// in the assignment's release settings shows to every student from then on, and the scores go to
// the LMS. Unpublishing hides them again in ConvLab; an LMS keeps what it was already sent.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { queueAssignmentScoreSyncs } from "@/server/lti/score-sync";
import { canPublishResults } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { findCourseAssignment } from "./find-course-assignment";

export async function setResultsPublished(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; isPublished: boolean; now?: Date },
): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canPublishResults });
  const assignment = await findCourseAssignment(db, options);
  const params = { title: assignment.title };
  if (options.isPublished) {
    if (assignment.scoresRelease !== "on_publish" && assignment.hiddenDetailsRelease !== "on_publish") {
      throw new AppError("conflict", "publishNotNeeded", params);
    }
    const graded = await db.submission.count({ where: { assignmentId: assignment.id, mode: "submit", status: { in: [...GRADED_STATUSES] } } });
    if (graded === 0) throw new AppError("conflict", "publishWithoutResults", params);
  } else if (assignment.resultsPublishedAt === null) {
    throw new AppError("conflict", "notPublished", params);
  }
  await db.$transaction(async (tx) => {
    await tx.assignment.update({ where: { id: assignment.id }, data: { resultsPublishedAt: options.isPublished ? (options.now ?? new Date()) : null } });
    await queueAssignmentScoreSyncs(tx, { assignmentId: assignment.id });
  });
}

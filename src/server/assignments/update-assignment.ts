// Changes an assignment's settings and exercises. Submissions already made keep the late flag
// and penalty they were given when they arrived; the LMS gradebook follows the new release.
import type { TDb } from "@/server/db-client";
import { canManageAssignments } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TAssignmentSettings } from "./assignment-schemas";
import { findCourseAssignment } from "./find-course-assignment";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import { saveAssignmentExercises } from "./save-assignment-exercises";
import { queueAssignmentScoreSyncs } from "@/server/lti/score-sync";

export async function updateAssignment(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; settings: TAssignmentSettings },
): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageAssignments });
  await findCourseAssignment(db, options);
  const { exerciseIds, ...fields } = options.settings;
  await db.$transaction(async (tx) => {
    await tx.assignment.update({ where: { id: options.assignmentId }, data: fields });
    await saveAssignmentExercises(tx, { assignmentId: options.assignmentId, exerciseIds });
    // A changed release or exercise list changes what the LMS may hold, and when.
    await queueAssignmentScoreSyncs(tx, { assignmentId: options.assignmentId });
  });
}

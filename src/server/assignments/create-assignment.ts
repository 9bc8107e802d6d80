// Sets a new assignment in a course.
import type { TDb } from "@/server/db-client";
import { canManageAssignments } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TAssignmentSettings } from "./assignment-schemas";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import { saveAssignmentExercises } from "./save-assignment-exercises";

export async function createAssignment(
  db: TDb,
  options: { user: TSessionUser; courseId: string; settings: TAssignmentSettings },
): Promise<{ id: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageAssignments });
  const { exerciseIds, ...fields } = options.settings;
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.create({ data: { ...fields, courseId: options.courseId }, select: { id: true } });
    await saveAssignmentExercises(tx, { assignmentId: assignment.id, exerciseIds });
    return assignment;
  });
}

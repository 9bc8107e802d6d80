// Takes a student's extension or exception away: the assignment's own due date applies again, to
// the late penalty of work already submitted too.
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canGrantExtensions } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { applyDueDateChange } from "./apply-due-date-change";

export async function removeExtension(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; userId: string },
): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canGrantExtensions });
  await findCourseAssignment(db, options);
  await db.$transaction(async (tx) => {
    const { count } = await tx.assignmentException.deleteMany({ where: { assignmentId: options.assignmentId, userId: options.userId } });
    if (count === 0) throw new AppError("not_found", "extensionNotFound");
    await applyDueDateChange(tx, { assignmentId: options.assignmentId, userIds: [options.userId] });
  });
}

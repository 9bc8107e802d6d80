// Removes a student from a course. The enrollment is only marked removed: their submissions and
// grades stay, and the instructor can bring them back.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canManageRoster, canRemoveStudent } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { findActiveEnrollment } from "./find-active-enrollment";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function removeStudent(db: TDb, options: { user: TSessionUser; courseId: string; userId: string; now?: Date }): Promise<void> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageRoster });
  const target = await findActiveEnrollment(db, options);
  if (!canRemoveStudent(options.user, membership, target)) {
    throw new AppError("forbidden", "onlyStudentsRemovable");
  }
  await db.enrollment.update({
    where: { courseId_userId: { courseId: options.courseId, userId: options.userId } },
    data: { removedAt: options.now ?? new Date() },
  });
}

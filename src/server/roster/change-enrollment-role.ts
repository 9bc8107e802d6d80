// Makes a course member a student, TA or instructor.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canChangeEnrollmentRole, canManageRoster } from "@/server/permissions/instructor-permissions";
import type { TCourseRole, TSessionUser } from "@/server/permissions/roles";
import { findActiveEnrollment } from "./find-active-enrollment";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function changeEnrollmentRole(
  db: TDb,
  options: { user: TSessionUser; courseId: string; userId: string; role: TCourseRole },
): Promise<void> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageRoster });
  if (!canChangeEnrollmentRole(options.user, membership, { userId: options.userId })) {
    throw new AppError("forbidden", "cannotChangeOwnRole");
  }
  await findActiveEnrollment(db, { courseId: options.courseId, userId: options.userId });
  await db.enrollment.update({
    where: { courseId_userId: { courseId: options.courseId, userId: options.userId } },
    data: { role: options.role },
  });
}

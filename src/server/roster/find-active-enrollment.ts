// The enrollment a roster change acts on; a person who is not (or no longer) in the course is
// "not found" rather than silently ignored.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { ZCourseRole, type TCourseRole } from "@/server/permissions/roles";

export async function findActiveEnrollment(db: TDb, options: { courseId: string; userId: string }): Promise<{ userId: string; role: TCourseRole }> {
  const enrollment = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: options.courseId, userId: options.userId } },
    select: { userId: true, role: true, removedAt: true },
  });
  if (!enrollment || enrollment.removedAt) {
    throw new AppError("not_found", "personNotEnrolled");
  }
  return { userId: enrollment.userId, role: ZCourseRole.parse(enrollment.role) };
}

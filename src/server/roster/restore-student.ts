// Brings a removed student back into the course, as a student.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canRestoreStudent } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function restoreStudent(db: TDb, options: { user: TSessionUser; courseId: string; userId: string }): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canRestoreStudent });
  const restored = await db.enrollment.updateMany({
    where: { courseId: options.courseId, userId: options.userId, removedAt: { not: null } },
    data: { removedAt: null, role: "student" },
  });
  if (restored.count === 0) {
    throw new AppError("not_found", "personNotRemoved");
  }
}

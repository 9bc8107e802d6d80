// The acting user's active enrollment in a course, the input of every course permission check.
import type { TDb } from "@/server/db-client";
import { ZCourseRole, type TMembership } from "@/server/permissions/roles";

export async function getMembership(db: TDb, options: { userId: string; courseId: string }): Promise<TMembership | null> {
  const enrollment = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: options.courseId, userId: options.userId } },
    select: { courseId: true, role: true, removedAt: true },
  });
  if (!enrollment || enrollment.removedAt) return null;
  return { courseId: enrollment.courseId, role: ZCourseRole.parse(enrollment.role) };
}

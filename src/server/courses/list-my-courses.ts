// The courses a user is enrolled in (not removed from), with their role in each.
import type { TDb } from "@/server/db-client";
import { ZCourseRole, type TCourseRole } from "@/server/permissions/roles";

export interface TMyCourse {
  id: string;
  title: string;
  code: string;
  role: TCourseRole;
}

export async function listMyCourses(db: TDb, options: { userId: string }): Promise<TMyCourse[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId: options.userId, removedAt: null },
    include: { course: { select: { id: true, title: true, code: true } } },
    orderBy: { createdAt: "asc" },
  });
  return enrollments.map((e) => ({ ...e.course, role: ZCourseRole.parse(e.role) }));
}

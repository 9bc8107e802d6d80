// A course's current students (not staff, not removed), by name: the rows of the matrix and the export.
import type { TDb } from "@/server/db-client";

export interface TStudent {
  userId: string;
  name: string;
  email: string;
}

export async function listActiveStudents(db: TDb, courseId: string): Promise<TStudent[]> {
  const enrollments = await db.enrollment.findMany({
    where: { courseId, removedAt: null, role: "student" },
    include: { user: { select: { name: true, email: true } } },
  });
  return enrollments
    .map((e) => ({ userId: e.userId, name: e.user.name, email: e.user.email }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

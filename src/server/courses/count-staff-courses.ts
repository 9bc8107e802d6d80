// How many courses a user helps run, to decide whether the instructor area is shown.
import type { TDb } from "@/server/db-client";

export async function countStaffCourses(db: TDb, options: { userId: string }): Promise<number> {
  return db.enrollment.count({ where: { userId: options.userId, removedAt: null, role: { in: ["ta", "instructor"] } } });
}

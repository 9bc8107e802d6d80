// How many courses a user helps run, to decide whether the instructor area is shown.
import "server-only";
import { db } from "@/server/db";

export async function countStaffCourses(options: { userId: string }): Promise<number> {
  return db.enrollment.count({ where: { userId: options.userId, removedAt: null, role: { in: ["ta", "instructor"] } } });
}

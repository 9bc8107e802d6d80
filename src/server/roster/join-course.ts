// A student joins a course by its code. Joining twice is harmless; a removed student must ask
// the instructor rather than rejoin on their own.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";

export async function joinCourse(db: TDb, options: { user: TSessionUser; code: string }): Promise<{ courseId: string; title: string; alreadyEnrolled: boolean }> {
  const course = await db.course.findUnique({ where: { code: options.code }, select: { id: true, title: true } });
  if (!course) {
    throw new AppError("not_found", `No course has the code ${options.code}. Check the code with your instructor.`, `没有课程码为 ${options.code} 的课程，请向老师核对课程码。`);
  }
  const existing = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: options.user.id } },
  });
  if (existing?.removedAt) {
    throw new AppError("forbidden", "You were removed from this course. Ask your instructor to add you again.", "你已被移出该课程，请联系老师重新添加。");
  }
  if (existing) return { courseId: course.id, title: course.title, alreadyEnrolled: true };
  await db.enrollment.create({ data: { courseId: course.id, userId: options.user.id, role: "student" } });
  return { courseId: course.id, title: course.title, alreadyEnrolled: false };
}

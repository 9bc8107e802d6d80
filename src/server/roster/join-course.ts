// A student joins a course by its code. Joining twice is harmless; a removed student must ask
// the instructor rather than rejoin on their own. Every attempt counts against a per-user limit,
// so codes cannot be guessed by trying many.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canJoinCourses } from "@/server/permissions/account-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { enforceRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { getRateLimit } from "@/server/rate-limits/rate-limit-settings";

export async function joinCourse(db: TDb, options: { user: TSessionUser; code: string }): Promise<{ courseId: string; title: string; alreadyEnrolled: boolean }> {
  const account = await db.user.findUnique({ where: { id: options.user.id }, select: { emailVerified: true } });
  if (!account || !canJoinCourses(account)) {
    throw new AppError("forbidden", "emailNotVerified", { email: options.user.email });
  }
  await enforceRateLimit(db, { key: `join:${options.user.id}`, limit: getRateLimit("joinPerUser"), message: "joinAttemptsLimit" });
  const course = await db.course.findUnique({ where: { code: options.code }, select: { id: true, title: true } });
  if (!course) {
    throw new AppError("not_found", "courseCodeUnknown", { code: options.code });
  }
  const existing = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: options.user.id } },
  });
  if (existing?.removedAt) {
    throw new AppError("forbidden", "removedFromCourse");
  }
  if (existing) return { courseId: course.id, title: course.title, alreadyEnrolled: true };
  await db.enrollment.create({ data: { courseId: course.id, userId: options.user.id, role: "student" } });
  return { courseId: course.id, title: course.title, alreadyEnrolled: false };
}

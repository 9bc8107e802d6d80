// A student joins a course by its code. Joining twice is harmless; a removed student must ask
// the instructor rather than rejoin on their own. Every attempt counts against a per-user limit,
// so codes cannot be guessed by trying many.
import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";
import { enforceRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { getRateLimit } from "@/server/rate-limits/rate-limit-settings";

export async function joinCourse(options: { user: TSessionUser; code: string }): Promise<{ courseId: string; title: string; alreadyEnrolled: boolean }> {
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

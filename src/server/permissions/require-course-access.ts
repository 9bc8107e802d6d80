// The gate in front of every instructor operation: the acting user's membership in the course,
// checked with a named permission. People who are not the course's staff get "not found", the
// same answer as for a course that does not exist, so course ids cannot be probed; staff who
// lack the right (a TA trying to edit) are told so.
import { getMembership } from "@/server/roster/get-membership";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canViewCourseAsStaff } from "@/server/permissions/course-permissions";
import type { TMembership, TSessionUser } from "@/server/permissions/roles";

export type TCoursePermission = (user: TSessionUser, membership: TMembership | null) => boolean;

function courseNotFound(): AppError {
  return new AppError("not_found", "No such course.", "没有这门课程。");
}

export async function requireCourseAccess(
  db: TDb,
  options: { user: TSessionUser; courseId: string; can: TCoursePermission },
): Promise<TMembership | null> {
  const membership = await getMembership(db, { userId: options.user.id, courseId: options.courseId });
  if (!canViewCourseAsStaff(options.user, membership)) throw courseNotFound();
  // Admins pass every check without a membership, so the course itself must be looked up.
  if (!membership && !(await db.course.findUnique({ where: { id: options.courseId }, select: { id: true } }))) throw courseNotFound();
  if (!options.can(options.user, membership)) {
    throw new AppError("forbidden", "Only the course's instructors can do this.", "只有本课程的教师可以执行此操作。");
  }
  return membership;
}

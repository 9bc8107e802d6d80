// The extensions and exceptions of one assignment, for its page: staff read them, instructors
// also change them (can.grant).
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { effectiveDueAt } from "@/server/assignments/effective-due";
import type { TDb } from "@/server/db-client";
import { canGrantExtensions, canViewCourseAdmin } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";

export interface TExtensionRow {
  userId: string;
  name: string;
  email: string;
  /** the student's own due date (ISO) */
  dueAt: string;
  extended: boolean;
  excused: boolean;
  reason: string | null;
  grantedBy: string;
}

export async function listExtensions(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string },
): Promise<{ timeZone: string; rows: TExtensionRow[]; can: { grant: boolean } }> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewCourseAdmin });
  const assignment = await findCourseAssignment(db, options);
  const exceptions = await db.assignmentException.findMany({
    where: { assignmentId: assignment.id },
    include: { user: { select: { name: true, email: true } }, createdBy: { select: { name: true } } },
  });
  const rows = exceptions
    .map((e) => ({
      userId: e.userId,
      name: e.user.name,
      email: e.user.email,
      dueAt: effectiveDueAt(assignment, e).toISOString(),
      extended: e.dueAt !== null,
      excused: e.excused,
      reason: e.reason,
      grantedBy: e.createdBy.name,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { timeZone: assignment.timeZone, rows, can: { grant: canGrantExtensions(options.user, membership) } };
}

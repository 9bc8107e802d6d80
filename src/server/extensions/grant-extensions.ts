// Grants one extension or exception to a list of students at once. All or nothing: an email that
// is not a current student of the course, or a new due date that gives no more time than the
// assignment's own, refuses the whole list before anything is written. Granting again replaces
// the student's previous terms (one row per student and assignment). Work already submitted is
// re-scored against the new due date (a late penalty the extension covers goes), in the same
// transaction.
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { utcToZonedLocal, parseLocalDateTime, zonedLocalToUtc } from "@/server/assignments/zoned-time";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canGrantExtensions } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TExtensionInput } from "./extension-schemas";
import { applyDueDateChange } from "./apply-due-date-change";

const HOUR_MS = 60 * 60 * 1000;

export async function grantExtensions(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; input: TExtensionInput },
): Promise<{ granted: number }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canGrantExtensions });
  const assignment = await findCourseAssignment(db, options);
  const { input } = options;

  const enrollments = await db.enrollment.findMany({
    where: { courseId: options.courseId, role: "student", removedAt: null, user: { email: { in: input.emails } } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const found = new Set(enrollments.map((e) => e.user.email.toLowerCase()));
  const unknown = input.emails.filter((email) => !found.has(email));
  if (unknown.length > 0) throw new AppError("validation", "extensionNotStudents", { emails: unknown.join(", ") });

  const dueAt =
    input.dueAt !== null
      ? zonedLocalToUtc(parseLocalDateTime(input.dueAt)!, assignment.timeZone)
      : input.extraHours !== null
        ? new Date(assignment.dueAt.getTime() + input.extraHours * HOUR_MS)
        : null;
  if (dueAt !== null && dueAt <= assignment.dueAt) {
    throw new AppError("validation", "extensionBeforeDue", {
      date: `${utcToZonedLocal(dueAt, assignment.timeZone).replace("T", " ")} (${assignment.timeZone})`,
      due: `${utcToZonedLocal(assignment.dueAt, assignment.timeZone).replace("T", " ")} (${assignment.timeZone})`,
    });
  }

  const terms = { dueAt, excused: input.excused, reason: input.reason, createdById: options.user.id };
  const userIds = enrollments.map((e) => e.userId);
  await db.$transaction(async (tx) => {
    for (const userId of userIds) {
      await tx.assignmentException.upsert({
        where: { assignmentId_userId: { assignmentId: assignment.id, userId } },
        create: { assignmentId: assignment.id, userId, ...terms },
        update: terms,
      });
    }
    await applyDueDateChange(tx, { assignmentId: assignment.id, userIds });
  });
  return { granted: enrollments.length };
}

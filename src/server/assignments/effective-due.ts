// A student's own deadline: an assignment exception (extension) replaces the assignment's due date
// for that one student. Every reader of a due date that concerns a student goes through here, so
// an extension moves the workspace, the late penalty, the Submit refusal, the hidden-details
// release and the gradebook's "not yet due" together.
import type { TDb } from "@/server/db-client";

export interface TStudentException {
  dueAt: Date | null;
  excused: boolean;
}

export function effectiveDueAt(assignment: { dueAt: Date }, exception: { dueAt: Date | null } | null | undefined): Date {
  return exception?.dueAt ?? assignment.dueAt;
}

/** The assignment with its due date replaced by the student's own. */
export function withEffectiveDueAt<T extends { dueAt: Date }>(assignment: T, exception: { dueAt: Date | null } | null | undefined): T {
  return { ...assignment, dueAt: effectiveDueAt(assignment, exception) };
}

export async function findStudentException(db: TDb, options: { assignmentId: string; userId: string }): Promise<TStudentException | null> {
  return db.assignmentException.findUnique({
    where: { assignmentId_userId: { assignmentId: options.assignmentId, userId: options.userId } },
    select: { dueAt: true, excused: true },
  });
}

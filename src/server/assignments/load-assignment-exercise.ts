// Loads an assignment's exercise for the acting user, or refuses: the one gate in front of the
// workspace, drafts, runs and submissions. The assignment comes back with the user's own due date
// (an extension replaces it), so the workspace and the Submit checks read the student's deadline.
import { findStudentException, withEffectiveDueAt } from "./effective-due";
import { getMembership } from "@/server/roster/get-membership";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canWorkOnAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";

export async function loadAssignmentExercise(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string }) {
  const link = await db.assignmentExercise.findFirst({
    where: { assignmentId: options.assignmentId, exercise: { slug: options.slug } },
    include: { exercise: true, assignment: true },
  });
  // Same answer for "does not exist" and "not yours": ids are not secrets to probe.
  const notFound = new AppError("not_found", "exerciseNotOpenable");
  if (!link) throw notFound;
  const membership = await getMembership(db, { userId: options.user.id, courseId: link.assignment.courseId });
  if (!canWorkOnAssignment(options.user, membership)) throw notFound;
  const exception = await findStudentException(db, { assignmentId: link.assignmentId, userId: options.user.id });
  return {
    assignment: withEffectiveDueAt(link.assignment, exception),
    exercise: link.exercise,
    points: link.points ?? link.exercise.points,
    membership,
  };
}

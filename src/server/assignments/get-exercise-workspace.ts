// Everything the student's exercise page shows, behind the same gate as runs and submissions
// (loadAssignmentExercise): the exercise folder's statement and starter, the student's draft and
// submission history, where the deadline stands, and whether staff preview it before it opens. Null when the exercise's folder is gone.
import { getExercise } from "@/grading/exercise-files";
import type { TDb } from "@/server/db-client";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";
import { evaluateDeadline } from "./late-policy";
import { loadAssignmentExercise } from "./load-assignment-exercise";

export async function getExerciseWorkspace(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string; now?: Date }) {
  const loaded = await loadAssignmentExercise(db, options);
  const exercise = await getExercise(options.slug);
  if (!exercise) return null;
  const [draft, history] = await Promise.all([
    db.draft.findUnique({ where: { userId_exerciseId: { userId: options.user.id, exerciseId: loaded.exercise.id } }, select: { code: true } }),
    listSubmissionHistory(db, { userId: options.user.id, exerciseId: loaded.exercise.id }),
  ]);
  const deadline = evaluateDeadline(loaded.assignment, options.now ?? new Date());
  return {
    assignment: loaded.assignment,
    points: loaded.points,
    exercise,
    initialCode: draft?.code ?? exercise.starter,
    history,
    deadline,
    /** course staff may open an assignment before it opens, to try it out */
    isPreview: deadline.kind === "not-open" && canPreviewUnopenedAssignment(options.user, loaded.membership),
  };
}

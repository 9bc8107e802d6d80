// Everything the student's exercise page shows, behind the same gate as runs and submissions
// (loadAssignmentExercise): the exercise folder's statement and starter, the student's draft and
// submission history, where the deadline stands, whether staff preview it before it opens, and a
// score staff set by hand with their comment. Null when the exercise's folder is gone.
import { getExercise } from "@/grading/exercise-files";
import type { TDb } from "@/server/db-client";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { loadScoreOverrides } from "@/server/overrides/load-score-overrides";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";
import { evaluateDeadline } from "./late-policy";
import { loadAssignmentExercise } from "./load-assignment-exercise";

export async function getExerciseWorkspace(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string; now?: Date }) {
  const loaded = await loadAssignmentExercise(db, options);
  const exercise = await getExercise(options.slug);
  if (!exercise) return null;
  const [draft, history, overrides] = await Promise.all([
    db.draft.findUnique({ where: { userId_exerciseId: { userId: options.user.id, exerciseId: loaded.exercise.id } }, select: { code: true } }),
    listSubmissionHistory(db, { userId: options.user.id, exerciseId: loaded.exercise.id }),
    loadScoreOverrides(db, { assignmentIds: [loaded.assignment.id], userId: options.user.id, exerciseId: loaded.exercise.id }),
  ]);
  const deadline = evaluateDeadline(loaded.assignment, options.now ?? new Date());
  const override = [...overrides.values()][0];
  return {
    assignment: loaded.assignment,
    points: loaded.points,
    exercise,
    initialCode: draft?.code ?? exercise.starter,
    history,
    deadline,
    /** course staff may open an assignment before it opens, to try it out */
    isPreview: deadline.kind === "not-open" && canPreviewUnopenedAssignment(options.user, loaded.membership),
    override: override ? { score: override.score, comment: override.comment } : null,
  };
}

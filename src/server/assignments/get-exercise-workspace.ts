// Everything the student's exercise page shows, behind the same gate as runs and submissions
// (loadAssignmentExercise): the exercise folder's statement and starter, the student's draft and
// submission history, where the deadline stands, whether staff preview it before it opens, and a
// score staff set by hand with their comment (once the scores are released). Null when the exercise's folder is gone.
import { getExercise } from "@/grading/exercise-files";
import type { TDb } from "@/server/db-client";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { loadScoreOverrides } from "@/server/overrides/load-score-overrides";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";
import { evaluateDeadline } from "./late-policy";
import { loadAssignmentExercise } from "./load-assignment-exercise";
import { canSeeSubmissionScore } from "@/server/permissions/submission-permissions";

export async function getExerciseWorkspace(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string; now?: Date }) {
  const loaded = await loadAssignmentExercise(db, options);
  const exercise = await getExercise(options.slug);
  if (!exercise) return null;
  const [draft, history, overrides] = await Promise.all([
    db.draft.findUnique({ where: { userId_exerciseId: { userId: options.user.id, exerciseId: loaded.exercise.id } }, select: { code: true } }),
    listSubmissionHistory(db, { userId: options.user.id, exerciseId: loaded.exercise.id, now: options.now }),
    loadScoreOverrides(db, { assignmentIds: [loaded.assignment.id], userId: options.user.id, exerciseId: loaded.exercise.id }),
  ]);
  const now = options.now ?? new Date();
  const deadline = evaluateDeadline(loaded.assignment, now);
  // A score set by hand is a score: it waits for the assignment's release like any other.
  const isScoreShown = canSeeSubmissionScore(options.user, loaded.membership, { mode: "submit", assignment: loaded.assignment }, now);
  const override = isScoreShown ? [...overrides.values()][0] : undefined;
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

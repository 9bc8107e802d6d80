// Everything the student's exercise page shows, behind the same gate as runs and submissions
// (loadAssignmentExercise): the exercise folder's statement and starter, the student's draft and
// submission history with its feedback, the attempts used and the cooldown, where the deadline
// stands, whether staff preview it before it opens, and a score staff set by hand with their
// comment (once the scores are released). Null when the exercise's folder is gone.
import { getExercise } from "@/grading/exercise-files";
import type { TDb } from "@/server/db-client";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { loadScoreOverrides } from "@/server/overrides/load-score-overrides";
import { canSeeHiddenCaseDetails, canSeeSubmissionScore } from "@/server/permissions/submission-permissions";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";
import { readAttempts } from "@/server/submissions/read-attempts";
import { evaluateDeadline } from "./late-policy";
import { releaseWait } from "./release";
import { loadAssignmentExercise } from "./load-assignment-exercise";

export async function getExerciseWorkspace(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string; now?: Date }) {
  const loaded = await loadAssignmentExercise(db, options);
  const exercise = await getExercise(options.slug);
  if (!exercise) return null;
  const now = options.now ?? new Date();
  const target = { mode: "submit" as const, assignment: loaded.assignment };
  const hiddenUntil = canSeeHiddenCaseDetails(options.user, loaded.membership, target, now)
    ? null
    : (releaseWait(loaded.assignment.hiddenDetailsRelease, loaded.assignment, now) ?? { kind: "publish" as const });
  const ids = { userId: options.user.id, exerciseId: loaded.exercise.id };
  const [draft, history, overrides, attempts] = await Promise.all([
    db.draft.findUnique({ where: { userId_exerciseId: ids }, select: { code: true } }),
    listSubmissionHistory(db, { ...ids, assignmentId: loaded.assignment.id, hiddenUntil, now }),
    loadScoreOverrides(db, { assignmentIds: [loaded.assignment.id], ...ids }),
    readAttempts(db, { ...ids, assignment: loaded.assignment, now }),
  ]);
  const deadline = evaluateDeadline(loaded.assignment, now);
  // A score set by hand is a score: it waits for the assignment's release like any other.
  const isScoreShown = canSeeSubmissionScore(options.user, loaded.membership, target, now);
  const override = isScoreShown ? [...overrides.values()][0] : undefined;
  return {
    assignment: loaded.assignment,
    points: loaded.points,
    exercise,
    initialCode: draft?.code ?? exercise.starter,
    history,
    attempts: { used: attempts.used, max: attempts.max, cooldownEndsAt: attempts.cooldownEndsAt?.toISOString() ?? null },
    /** what the student's scores wait for, null once released (or for staff) */
    scoresAfter: isScoreShown ? null : (releaseWait(loaded.assignment.scoresRelease, loaded.assignment, now) ?? { kind: "publish" as const }),
    deadline,
    /** course staff may open an assignment before it opens, to try it out */
    isPreview: deadline.kind === "not-open" && canPreviewUnopenedAssignment(options.user, loaded.membership),
    override: override ? { score: override.score, comment: override.comment } : null,
  };
}

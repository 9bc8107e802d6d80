// Grades one stored submission again, with its stored seed so it meets the same cases, and
// applies the assignment's points and scoring and the late penalty it was given when it arrived. The row is updated in place: a regrade
// is not a new attempt. A runner fault leaves the old grade untouched.
import { isLoadFailure } from "@/grading/error-location";
import { gradeSubmission } from "@/grading/grade-submission";
import type { TRunner } from "@/grading/runner";
import { applyLatePenalty } from "@/server/assignments/late-policy";
import type { TDb } from "@/server/db-client";
import { recomputeProgress } from "@/server/grading-queue/recompute-progress";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { scoreForAssignment } from "@/server/grades/assignment-scoring";

export interface TStoredSubmission {
  id: string;
  userId: string;
  exerciseId: string;
  assignmentId: string | null;
  courseId: string | null;
  code: string;
  seed: number;
  latePenalty: number;
  score: number | null;
  status: string;
}

export type TRegradeOutcome =
  | { kind: "regraded"; score: number; status: string }
  | { kind: "kept"; reason: "runner" | "changed"; detail: string | null };

export async function regradeSubmission(
  db: TDb,
  options: { submission: TStoredSubmission; slug: string; runner: TRunner; now?: Date },
): Promise<TRegradeOutcome> {
  const { submission } = options;
  const graded = await gradeSubmission({ exercise: options.slug, source: submission.code, mode: "submit", seed: submission.seed, runner: options.runner });
  if (!graded.result.gradable) return { kind: "kept", reason: "runner", detail: graded.result.operatorMessage };
  const result = await scoreForAssignment(db, submission, graded.result);

  const score = applyLatePenalty(result.score, submission.latePenalty);
  const isWritten = await db.$transaction(async (tx) => {
    // Only a row that is still graded: one a student's new grading has claimed is left alone.
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, status: { in: [...GRADED_STATUSES] } },
      data: { status: result.status, score, maxScore: result.maxScore, result, didNotLoad: isLoadFailure(result), regradedAt: options.now ?? new Date() },
    });
    if (updated.count !== 1) return false;
    await recomputeProgress(tx, { userId: submission.userId, exerciseId: submission.exerciseId, courseId: submission.courseId, maxScore: result.maxScore });
    return true;
  });
  return isWritten ? { kind: "regraded", score, status: result.status } : { kind: "kept", reason: "changed", detail: null };
}

// Grades one submission through the runner and records the verdict exactly once. The row's
// workerId is a fencing token: claiming, handing over and the final write are all conditional on
// it, so a grader that lost its claim (it was presumed dead and its work given to another) can
// never record a second verdict. A fast-lane attempt runs under short limits first; when it
// stops at one of those lowered limits, nothing is written and the caller moves the submission to
// the slow lane, where it is graded again under the exercise's own limits.
import { gradeSubmission } from "@/grading/grade-submission";
import type { TLimitCap } from "@/grading/limit-cap";
import type { TGradingResult } from "@/grading/result-schema";
import type { TRunner } from "@/grading/runner";
import { scoreForAssignment } from "@/server/grades/assignment-scoring";
import { applyLatePenalty } from "@/server/assignments/late-policy";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { isLoadFailure } from "@/grading/error-location";
import { readExerciseSlug } from "./exercise-slug";
import { recomputeProgress } from "./recompute-progress";

export type TProcessOutcome = "graded" | "not-gradable" | "claimed-elsewhere" | "needs-slow-lane";

/** The fast lane's short limits: the exercise's own are capped to these on the first attempt. */
export type TFastLaneLimits = TLimitCap;

/** Atomically moves a queued submission to running under this worker; false if someone else has it. */
export async function claimSubmission(db: TDb, options: { submissionId: string; workerId: string }): Promise<boolean> {
  const claimed = await db.submission.updateMany({
    where: { id: options.submissionId, status: "queued" },
    data: { status: "running", startedAt: new Date(), workerId: options.workerId },
  });
  return claimed.count === 1;
}

/** Moves a running submission from one owner to another (a presumed-dead one's, or to the slow lane). */
export async function transferSubmission(db: TDb, options: { submissionId: string; fromWorkerId: string; workerId: string }): Promise<boolean> {
  const moved = await db.submission.updateMany({
    where: { id: options.submissionId, status: "running", workerId: options.fromWorkerId },
    data: { startedAt: new Date(), workerId: options.workerId },
  });
  return moved.count === 1;
}

/** Puts a running submission back in the queue, if its owner is still the one the caller saw. */
export async function requeueSubmission(db: TDb, options: { submissionId: string; fromWorkerId: string | null }): Promise<boolean> {
  const requeued = await db.submission.updateMany({
    where: { id: options.submissionId, status: "running", workerId: options.fromWorkerId },
    data: { status: "queued", startedAt: null, workerId: null },
  });
  return requeued.count === 1;
}

/** Records "not gradable" (costs no attempt) unless the submission was finished or given to someone else. */
async function markNotGradable(db: TDb, options: { submissionId: string; workerId: string; result?: TGradingResult }): Promise<boolean> {
  const marked = await db.submission.updateMany({
    where: { id: options.submissionId, status: "running", workerId: options.workerId },
    data: { status: "not_gradable", finishedAt: new Date(), ...(options.result ? { result: options.result } : {}) },
  });
  return marked.count === 1;
}

export async function processClaimedSubmission(
  db: TDb,
  options: { submissionId: string; workerId: string; runner: TRunner; fastLane?: TFastLaneLimits },
): Promise<TProcessOutcome> {
  // Not the stored result or the timestamps: only what grading and the verdict's write need.
  const submission = await db.submission.findUniqueOrThrow({
    where: { id: options.submissionId },
    select: { id: true, userId: true, exerciseId: true, assignmentId: true, courseId: true, code: true, seed: true, status: true, workerId: true, latePenalty: true },
  });
  // Not worth a sandbox: the claim was lost before grading even started.
  if (submission.status !== "running" || submission.workerId !== options.workerId) return "claimed-elsewhere";
  const exercise = await readExerciseSlug(db, submission.exerciseId);

  let result: TGradingResult;
  let stoppedAtCap: boolean;
  try {
    ({ result, stoppedAtCap } = await gradeSubmission({
      exercise,
      source: submission.code,
      mode: "submit",
      seed: submission.seed,
      runner: options.runner,
      limitCap: options.fastLane,
    }));
  } catch (error) {
    // A grader fault is ours, not the student's: record it as not gradable, never as a failure.
    log("grading", "error", "grading crashed", { submissionId: submission.id, error: String(error) });
    return (await markNotGradable(db, { submissionId: submission.id, workerId: options.workerId })) ? "not-gradable" : "claimed-elsewhere";
  }

  if (!result.gradable) {
    log("grading", "error", "runner fault", { submissionId: submission.id, operatorMessage: result.operatorMessage });
    return (await markNotGradable(db, { submissionId: submission.id, workerId: options.workerId, result })) ? "not-gradable" : "claimed-elsewhere";
  }
  if (stoppedAtCap) return "needs-slow-lane";
  // The assignment's own points and scoring rule for this exercise, if it sets them.
  result = await scoreForAssignment(db, submission, result);

  const score = applyLatePenalty(result.score, submission.latePenalty);
  const written = await db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, status: "running", workerId: options.workerId },
      data: { status: result.status, score, maxScore: result.maxScore, result, didNotLoad: isLoadFailure(result), finishedAt: new Date() },
    });
    if (updated.count !== 1) return false;
    await recomputeProgress(tx, {
      userId: submission.userId,
      exerciseId: submission.exerciseId,
      courseId: submission.courseId,
      maxScore: result.maxScore,
    });
    return true;
  });
  return written ? "graded" : "claimed-elsewhere";
}

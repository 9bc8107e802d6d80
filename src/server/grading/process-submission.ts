// Grades one queued submission through the runner and records the verdict exactly once: the
// claim and the final write are both conditional on the row's status and worker id, so a second
// worker (or a restarted one) can never record a second verdict for the same submission.
import type { TRunner } from "@runner";
import { gradeSubmission } from "@/grading/grade-submission";
import type { TGradingResult } from "@/grading/result-schema";
import { applyLatePenalty } from "@/server/assignments/late-policy";
import type { TDb } from "@/server/db-client";
import { recomputeProgress } from "./recompute-progress";

export type TProcessOutcome = "graded" | "not-gradable" | "claimed-elsewhere";

/** Atomically moves a queued submission to running under this worker; false if someone else has it. */
export async function claimSubmission(db: TDb, options: { submissionId: string; workerId: string }): Promise<boolean> {
  const claimed = await db.submission.updateMany({
    where: { id: options.submissionId, status: "queued" },
    data: { status: "running", startedAt: new Date(), workerId: options.workerId },
  });
  return claimed.count === 1;
}

export async function processClaimedSubmission(
  db: TDb,
  options: { submissionId: string; workerId: string; runner: TRunner },
): Promise<TProcessOutcome> {
  const submission = await db.submission.findUniqueOrThrow({
    where: { id: options.submissionId },
    include: { exercise: { select: { slug: true } } },
  });
  let result: TGradingResult;
  try {
    result = await gradeSubmission({
      exercise: submission.exercise.slug,
      source: submission.code,
      mode: "submit",
      seed: submission.seed,
      runner: options.runner,
    });
  } catch (error) {
    // A grader fault is ours, not the student's: record it as not gradable, never as a failure.
    console.error(JSON.stringify({ level: "error", msg: "grading crashed", submissionId: submission.id, error: String(error) }));
    await db.submission.updateMany({
      where: { id: submission.id, status: "running", workerId: options.workerId },
      data: { status: "not_gradable", finishedAt: new Date() },
    });
    return "not-gradable";
  }

  if (!result.gradable) {
    await db.submission.updateMany({
      where: { id: submission.id, status: "running", workerId: options.workerId },
      data: { status: "not_gradable", result, finishedAt: new Date() },
    });
    return "not-gradable";
  }

  const score = applyLatePenalty(result.score, submission.latePenalty);
  const written = await db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, status: "running", workerId: options.workerId },
      data: { status: result.status, score, maxScore: result.maxScore, result, finishedAt: new Date() },
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

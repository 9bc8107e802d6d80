// Runs a queued regrade job to the end, in whichever grading process took it from the queue (the
// in-process queue on SQLite, a pg-boss job on PostgreSQL): it claims the row (queued → running
// under this process's token, so two graders never run one job), then regrades one submission
// at a time (students' own grading keeps most of the runner pool), writing progress, the report
// and a heartbeat after each, and recording one submission's failure without stopping the rest.
// Every write is conditional on the job still running under this process's token: if another
// process declared it interrupted (see regrade-activity.ts), this one stops instead of bringing
// it back. Never rejects: a fault of the job as a whole is stored on the job.
import type { TRunner } from "@/grading/runner";
import type { Prisma } from "@/generated/prisma/client";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { getRegradeOwnerToken, markRegradeActive, markRegradeInactive } from "./regrade-activity";
import { readRegradeReport, type TRegradeReport } from "./regrade-report";
import { regradeSubmission } from "./regrade-submission";

/** Score changes smaller than this are float noise, not a change of grade. */
const SCORE_EPSILON = 1e-9;

class LostJobError extends Error {}

export type TRegradeRunOutcome = "finished" | "failed" | "not-claimed" | "lost";

/** Moves a queued job to running under this process; false if another grader has it or it is over. */
async function claimRegradeJob(db: TDb, options: { jobId: string; ownerToken: string }): Promise<boolean> {
  const claimed = await db.regradeJob.updateMany({
    where: { id: options.jobId, status: "queued" },
    data: { status: "running", ownerToken: options.ownerToken, heartbeatAt: new Date() },
  });
  return claimed.count === 1;
}

export async function runRegradeJob(db: TDb, options: { jobId: string; runner: TRunner }): Promise<TRegradeRunOutcome> {
  const { jobId } = options;
  const ownerToken = getRegradeOwnerToken();
  // Held before the claim, so this process never takes its own job for an interrupted one.
  markRegradeActive(jobId);
  /** Writes to the job only while it is still ours and in progress. */
  const writeJob = async (data: Prisma.RegradeJobUpdateManyMutationInput) => {
    const written = await db.regradeJob.updateMany({
      where: { id: jobId, status: { in: ["queued", "running"] }, ownerToken },
      data: { ...data, heartbeatAt: new Date() },
    });
    if (written.count !== 1) throw new LostJobError("the job is no longer running under this process");
  };
  let report: TRegradeReport | null = null;
  try {
    if (!(await claimRegradeJob(db, { jobId, ownerToken }))) return "not-claimed";
    const job = await db.regradeJob.findUniqueOrThrow({ where: { id: jobId }, include: { exercise: { select: { slug: true } } } });
    report = readRegradeReport(job.report);
    if (!report) throw new Error("the job has no course in its report");
    const submissions = await db.submission.findMany({
      where: {
        courseId: report.courseId,
        exerciseId: job.exerciseId,
        mode: "submit",
        status: { in: [...GRADED_STATUSES] },
        ...(job.userId ? { userId: job.userId } : {}),
      },
      orderBy: { receivedAt: "asc" },
      include: { user: { select: { name: true, email: true } } },
    });
    await writeJob({ status: "running", total: submissions.length, done: 0 });

    for (const [index, submission] of submissions.entries()) {
      const who = { submissionId: submission.id, userId: submission.userId, name: submission.user.name, attempt: submission.attempt };
      try {
        const outcome = await regradeSubmission(db, { submission, slug: job.exercise.slug, runner: options.runner });
        if (outcome.kind === "kept") {
          report.failures.push({ ...who, reason: outcome.reason, detail: outcome.detail });
        } else if (Math.abs((submission.score ?? 0) - outcome.score) > SCORE_EPSILON || submission.status !== outcome.status) {
          report.changes.push({
            ...who,
            email: submission.user.email,
            oldScore: submission.score,
            newScore: outcome.score,
            oldStatus: submission.status,
            newStatus: outcome.status,
          });
        } else {
          report.unchanged += 1;
        }
      } catch (error) {
        log("regrade", "error", "regrading a submission failed", { jobId, submissionId: submission.id, error: String(error) });
        report.failures.push({ ...who, reason: "server", detail: null });
      }
      await writeJob({ done: index + 1, report });
    }
    await writeJob({ status: "done", finishedAt: new Date(), report });
    log("regrade", "info", "regrade finished", { jobId, total: submissions.length, changed: report.changes.length, failed: report.failures.length });
    return "finished";
  } catch (error) {
    if (error instanceof LostJobError) {
      log("regrade", "error", "regrade job stopped: it was declared interrupted or finished elsewhere", { jobId });
      return "lost";
    }
    log("regrade", "error", "regrade job failed", { jobId, error: String(error), stack: (error as Error)?.stack });
    const stopped = report ? { report: { ...report, error: "server" as const } } : {};
    await db.regradeJob
      .updateMany({ where: { id: jobId, status: { in: ["queued", "running"] }, ownerToken }, data: { status: "failed", finishedAt: new Date(), ...stopped } })
      .catch((writeError: unknown) => log("regrade", "error", "could not mark the regrade job failed", { jobId, error: String(writeError) }));
    return "failed";
  } finally {
    markRegradeInactive(jobId);
  }
}

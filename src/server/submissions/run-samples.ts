// Run: grades the student's code on the exercise's sample cases. Nothing is recorded and no
// attempt is counted. What keeps the pool for everybody: one run per student at a time, a
// budget of sandbox seconds per student (shared by every web server, see rate-limits), Run's
// share of at most half the runner slots with submissions served first (run-gate.ts).
import { gradeSubmission } from "@/grading/grade-submission";
import type { TGradingResult } from "@/grading/result-schema";
import type { TRunner } from "@/grading/runner";
import { formatWallTime } from "@/i18n/format-time";
import { evaluateDeadline } from "@/server/assignments/late-policy";
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { consumeRateLimit, enforceRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { getRateLimit } from "@/server/rate-limits/rate-limit-settings";
import { getRunGate } from "./run-gate";

/** Seconds of the budget a Run needs left to start; the rest of what it used is charged after it. */
const RUN_MIN_SECONDS = 0.1;

const running = new Set<string>();

/**
 * The assignment's exercise whose sample cases the user may run (and copy): after the due date
 * they stay open for practice; before the opening only staff try them out.
 */
export async function loadSampleExercise(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string }) {
  const loaded = await loadAssignmentExercise(db, options);
  const { assignment, membership } = loaded;
  if (evaluateDeadline(assignment, new Date()).kind === "not-open" && !canPreviewUnopenedAssignment(options.user, membership)) {
    throw new AppError("forbidden", "runNotOpenYet", { opensAt: formatWallTime(assignment.opensAt.toISOString(), assignment.timeZone) });
  }
  return loaded;
}

export async function runSamples(
  db: TDb,
  options: { user: TSessionUser; assignmentId: string; slug: string; code: string; runner: TRunner; poolSize: number },
): Promise<TGradingResult> {
  if (running.has(options.user.id)) {
    throw new AppError("rate_limited", "runStillGoing");
  }
  running.add(options.user.id);
  try {
    // The budget first: a refusal is one query, so a client looping on refusals costs little.
    const limit = getRateLimit("runSecondsPerUser");
    const key = `run:${options.user.id}`;
    await enforceRateLimit(db, { key, limit, cost: RUN_MIN_SECONDS, message: "runTimeLimit" });
    const { exercise } = await loadSampleExercise(db, options);
    const release = await getRunGate(options.runner, options.poolSize).acquire(options.user.id);
    const started = performance.now();
    try {
      const runner: TRunner = { run: (job) => options.runner.run(job, { priority: "low" }), close: () => options.runner.close() };
      return (await gradeSubmission({ exercise: exercise.slug, source: options.code, mode: "run", runner })).result;
    } finally {
      const usedMs = performance.now() - started;
      release(usedMs);
      if (limit && usedMs / 1000 > RUN_MIN_SECONDS) {
        await consumeRateLimit(db, { key, limit, cost: usedMs / 1000 - RUN_MIN_SECONDS, isForced: true });
      }
    }
  } finally {
    running.delete(options.user.id);
  }
}

// The one wiring of grading, for the web server (role "web", through grading-service.ts) and for
// `npm run worker` (role "worker"): the runner pool, and the queue this process grades from and
// announces work to. SQLite: the submission and regrade tables are the queue, graded in-process.
// PostgreSQL: pg-boss queues; a process that grades also holds its presence connection (the
// health report's "graders alive"). A worker always grades; the web server grades when
// CONVLAB_GRADE_IN_PROCESS says so (default: on SQLite yes, on PostgreSQL no), and otherwise
// only enqueues.
import { hostname } from "node:os";
import { checkSandbox, createGradingRunner, type TRunner } from "@/grading/runner";
import type { TDb } from "@/server/db-client";
import { enqueueScoreSyncs } from "@/server/lti/score-sync-jobs";
import type { TGradingConfig } from "./grading-config";
import { startPresence } from "./grader-presence";
import { listSandboxFlavoursInUse } from "./list-sandbox-flavours";
import { GradingQueue, type TGradingQueueState } from "./grading-queue";
import { enqueueGrading, enqueueRegrade, PgBossGradingWorker, startGradingBoss, type TWorkerState } from "./pg-boss-grading";

export type TGraderRole = "web" | "worker";
export type TLocalGraderState = TGradingQueueState | TWorkerState;

export interface TGrader {
  config: TGradingConfig;
  /** the pool this process grades with (and the web server runs Run with) */
  runner: TRunner;
  /** Starts grading a stored submission: wakes this process's grader or sends its pg-boss job. */
  notifySubmitted(submission: { id: string; userId: string }): Promise<void>;
  /** Starts a stored (queued) regrade job the same way. */
  notifyRegrade(regradeJobId: string): Promise<void>;
  /** Starts posting LMS scores just queued (lti_score_sync rows): wakes this process's grader or sends their pg-boss jobs. */
  notifyScoreSyncs(): Promise<void>;
  /** What this process's own grader is doing, or null when it does not grade. */
  localGraderState(): TLocalGraderState | null;
  /** Stops taking work, lets running gradings finish (bounded), then closes the pool. */
  stop(): Promise<void>;
}

export async function startGrader(config: TGradingConfig, options: { role: TGraderRole; db: TDb }): Promise<TGrader> {
  const { db, role } = options;
  const grades = role === "worker" || config.gradeInProcess;
  if (role === "worker") {
    const sandbox = await checkSandbox();
    if (!sandbox.ok) throw new Error(`the sandbox does not work here: ${sandbox.message}`);
  }
  // Only a grading process starts the torch sandbox early; a web server that just enqueues runs Run jobs, which start it on first use.
  const startFlavours = grades ? await listSandboxFlavoursInUse(db) : undefined;
  const runner = createGradingRunner({ poolSize: config.poolSize, startFlavours });
  const base = { config, runner };

  if (!config.isPostgres) {
    if (!grades) {
      return { ...base, notifySubmitted: async () => {}, notifyRegrade: async () => {}, notifyScoreSyncs: async () => {}, localGraderState: () => null, stop: () => runner.close() };
    }
    const queue = new GradingQueue({
      db,
      runner,
      poolSize: config.poolSize,
      slowLaneSlots: config.slowLaneSlots,
      fastLane: config.fastLaneLimits,
      pollMs: config.pollMs,
      role,
    });
    await queue.start();
    return {
      ...base,
      notifySubmitted: async () => queue.wakeForSubmissions(),
      notifyRegrade: async () => queue.wake(),
      notifyScoreSyncs: async () => queue.wake(),
      localGraderState: () => queue.state,
      stop: async () => {
        await queue.stop();
        await runner.close();
      },
    };
  }

  const boss = await startGradingBoss({ url: config.databaseUrl, role: grades ? "worker" : "web", maintenanceSeconds: config.maintenanceSeconds });
  let worker: PgBossGradingWorker | null = null;
  let presence: { stop: () => Promise<void> } | null = null;
  if (grades) {
    const name = config.workerName ?? `${role === "web" ? "web-" : ""}${hostname()}-${process.pid}`;
    presence = await startPresence({ url: config.databaseUrl, name });
    worker = new PgBossGradingWorker({ db, boss, runner, config, name });
    worker.start();
  }
  return {
    ...base,
    notifySubmitted: async (submission) => {
      await enqueueGrading(boss, db, { submissionId: submission.id, userId: submission.userId, config });
      worker?.wake();
    },
    notifyRegrade: async (regradeJobId) => {
      await enqueueRegrade(boss, { regradeJobId });
      worker?.wake();
    },
    notifyScoreSyncs: async () => {
      await enqueueScoreSyncs(boss, db);
      worker?.wake();
    },
    localGraderState: () => worker?.state ?? null,
    stop: async () => {
      await worker?.stop();
      await boss.stop({ graceful: false });
      await presence?.stop();
      await runner.close();
    },
  };
}

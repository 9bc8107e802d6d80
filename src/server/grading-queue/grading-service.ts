// Grading as the web server sees it: the runner pool (for Run, regrades and, when this process
// grades, submissions) and what happens after a submission is stored. On SQLite the server
// grades in-process from the submission table; on PostgreSQL it sends a pg-boss job and workers
// grade, unless CONVLAB_GRADE_IN_PROCESS=1 makes it a worker too. Kept on globalThis because
// Next.js bundles instrumentation and route handlers separately: a module variable would exist twice.
import { hostname } from "node:os";
import { createRunner, type TRunner } from "@runner";
import { createPrismaClient, type TDb } from "@/server/db-client";
import { readGradingConfig, type TGradingConfig } from "./grading-config";
import { log } from "@/server/log";
import { startPresence } from "./grader-presence";
import { GradingQueue, type TGradingQueueState } from "./grading-queue";
import { enqueueGrading, PgBossGradingWorker, startGradingBoss, type TWorkerState } from "./pg-boss-grading";

export type TLocalGraderState = TGradingQueueState | TWorkerState;

export interface TGradingService {
  config: TGradingConfig;
  runner: TRunner;
  /** Starts grading a stored submission: wakes this process's grader or sends its pg-boss job. */
  notifySubmitted(submission: { id: string; userId: string }): Promise<void>;
  /** What this process's own grader is doing, or null when it does not grade. */
  localGraderState(): TLocalGraderState | null;
}

const globalKey = Symbol.for("convlab.grading-service");
type TGlobal = typeof globalThis & { [globalKey]?: Promise<TGradingService> };

async function startGradingService(db: TDb): Promise<TGradingService> {
  const config = readGradingConfig();
  const runner = createRunner({ poolSize: config.poolSize });
  if (!config.isPostgres) {
    if (!config.gradeInProcess) return { config, runner, notifySubmitted: async () => {}, localGraderState: () => null };
    const queue = new GradingQueue({
      db,
      runner,
      poolSize: config.poolSize,
      slowLaneSlots: config.slowLaneSlots,
      fastLane: config.fastLaneLimits,
      pollMs: config.pollMs,
      role: "web",
    });
    await queue.start();
    return { config, runner, notifySubmitted: async () => queue.wake(), localGraderState: () => queue.state };
  }

  const boss = await startGradingBoss({ url: config.databaseUrl, role: config.gradeInProcess ? "worker" : "web", maintenanceSeconds: config.maintenanceSeconds });
  let worker: PgBossGradingWorker | null = null;
  if (config.gradeInProcess) {
    const name = config.workerName ?? `web-${hostname()}-${process.pid}`;
    await startPresence({ url: config.databaseUrl, name });
    worker = new PgBossGradingWorker({ db, boss, runner, config, name });
    worker.start();
  }
  return {
    config,
    runner,
    notifySubmitted: async (submission) => {
      await enqueueGrading(boss, db, { submissionId: submission.id, userId: submission.userId, config });
      worker?.wake();
    },
    localGraderState: () => worker?.state ?? null,
  };
}

/** Starts the pool and grading once per process; later calls return the same service. */
export function getGradingService(db?: TDb): Promise<TGradingService> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= startGradingService(db ?? createPrismaClient()).catch((error: unknown) => {
    // Let the next request try again rather than keep a failed start forever.
    delete g[globalKey];
    log("grading", "error", "could not start grading", { error: String(error) });
    throw error;
  });
  return g[globalKey];
}

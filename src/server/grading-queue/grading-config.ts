// Grading settings, derived from the environment (src/server/env.ts): where grading runs, how many
// sandboxes a grading process uses and how they split into lanes, the queue bound, and timings.
import { availableParallelism } from "node:os";
import { isPostgresUrl, parseEnv, readEnv } from "@/server/env";

export interface TGradingConfig {
  databaseUrl: string;
  isPostgres: boolean;
  gradeInProcess: boolean;
  poolSize: number;
  slowLaneSlots: number;
  fastLaneLimits: { cpuSeconds: number; wallSeconds: number };
  maxQueued: number;
  pollMs: number;
  leaseMarginSeconds: number;
  maintenanceSeconds: number;
  workerName: string | undefined;
}

/** The grading part of the environment (src/server/env.ts); `env` lets tests pass their own. */
export function readGradingConfig(env?: Record<string, string | undefined>): TGradingConfig {
  const e = env ? parseEnv(env) : readEnv();
  const isPostgres = isPostgresUrl(e.DATABASE_URL);
  return {
    databaseUrl: e.DATABASE_URL,
    isPostgres,
    gradeInProcess: e.CONVLAB_GRADE_IN_PROCESS ?? !isPostgres,
    poolSize: e.RUNNER_POOL_SIZE,
    // Slow-lane code is CPU-bound for up to its whole CPU limit: one per core lets each reach that
    // limit before its wall limit. Never all of the pool: the fast lane must keep a slot, or
    // endless loops would block everyone again.
    slowLaneSlots: Math.min(e.CONVLAB_SLOW_LANE_SLOTS ?? availableParallelism(), Math.max(1, e.RUNNER_POOL_SIZE - 1)),
    fastLaneLimits: { wallSeconds: e.CONVLAB_FAST_LANE_SECONDS, cpuSeconds: Math.max(1, Math.floor(e.CONVLAB_FAST_LANE_SECONDS / 2)) },
    maxQueued: e.CONVLAB_MAX_QUEUED,
    pollMs: e.CONVLAB_GRADING_POLL_MS,
    leaseMarginSeconds: e.CONVLAB_LEASE_MARGIN_SECONDS,
    maintenanceSeconds: e.CONVLAB_MAINTENANCE_SECONDS,
    workerName: e.CONVLAB_WORKER_NAME,
  };
}

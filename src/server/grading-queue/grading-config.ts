// Grading settings, read from the environment once and validated: where grading runs, how many
// sandboxes a grading process uses and how they split into lanes, the queue bound, and timings.
import { availableParallelism } from "node:os";
import { z } from "zod";
import { isPostgresUrl } from "@/server/env";

const ZFlag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");
const ZCount = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ZGradingEnv = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/convlab.db"),
  /** sandboxes a grading process runs at once (the runner's warm pool); see README for the measurements */
  RUNNER_POOL_SIZE: ZCount(1, 64).default(8),
  /** how many of those may grade submissions that outlived the fast lane; default one per CPU core */
  CONVLAB_SLOW_LANE_SLOTS: ZCount(1, 64).optional(),
  /** wall-clock seconds of the first, short attempt (its CPU limit is half of it, at least 1 s) */
  CONVLAB_FAST_LANE_SECONDS: z.coerce.number().min(0.2).max(60).default(1),
  /** grade in the web server; default: yes on SQLite, no on PostgreSQL (workers do it) */
  CONVLAB_GRADE_IN_PROCESS: ZFlag.optional(),
  /** queued submissions beyond which new ones are refused with 503 */
  CONVLAB_MAX_QUEUED: ZCount(1, 1_000_000).default(2000),
  /** how often an idle grading process looks for work nobody announced to it */
  CONVLAB_GRADING_POLL_MS: ZCount(100, 60_000).default(500),
  /** added to a grading's longest legitimate duration to give its lease (pg-boss expiry) */
  CONVLAB_LEASE_MARGIN_SECONDS: ZCount(5, 3600).default(30),
  /** how often pg-boss maintenance (expiring dead workers' jobs) runs */
  CONVLAB_MAINTENANCE_SECONDS: ZCount(1, 3600).default(10),
  /** names this grading process in logs, tokens and the health report */
  CONVLAB_WORKER_NAME: z
    .string()
    .regex(/^[\w.-]{1,40}$/, "use letters, digits, '.', '-' and '_' (at most 40)")
    .optional(),
});

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

/** Unset and empty variables both mean "use the default". */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
}

export function readGradingConfig(env: Record<string, string | undefined> = process.env): TGradingConfig {
  const parsed = ZGradingEnv.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
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

// The operator's view of grading for /api/health: queue depth, the grading processes alive, and
// gradings per minute with p50/p95 submit-to-verdict times over the last minutes. Everything
// except this process's own grader comes from the database, so any web server answers for all.
import type { TDb } from "@/server/db-client";
import type { TGradingConfig } from "./grading-config";
import { listLiveGraders } from "./grader-presence";
import type { TLocalGraderState } from "./start-grader";
import { checkTokenOwner } from "./process-token";
import { readQueueDepth, readVerdictTimes, type TVerdictTimes } from "./read-grading-stats";

const WINDOW_MINUTES = 10;

export interface TGradingHealth {
  status: "ok" | "stalled";
  mode: "pg-boss" | "database-queue";
  queue: { queued: number; running: number; maxQueued: number };
  graders: { alive: number; names: string[]; thisProcess: TLocalGraderState | null };
  recent: TVerdictTimes;
}

/** On SQLite: graders that worked in the window (their tokens are on the rows) and whose process still lives. */
async function listLiveLocalGraders(db: TDb, since: Date): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { OR: [{ status: "running" }, { startedAt: { gte: since } }], workerId: { not: null } },
    select: { workerId: true },
    distinct: ["workerId"],
  });
  return rows.map((row) => row.workerId!).filter((token) => checkTokenOwner(token) === "alive");
}

export async function readGradingHealth(db: TDb, options: { config: TGradingConfig; local: TLocalGraderState | null }): Promise<TGradingHealth> {
  const [queue, recent] = await Promise.all([readQueueDepth(db), readVerdictTimes(db, { windowMinutes: WINDOW_MINUTES })]);
  let names: string[];
  if (options.config.isPostgres) {
    names = (await listLiveGraders(db)).map((grader) => grader.name);
  } else {
    const seen = await listLiveLocalGraders(db, new Date(Date.now() - WINDOW_MINUTES * 60_000));
    const own = options.local && "workerId" in options.local ? [options.local.workerId] : [];
    names = [...new Set([...own, ...seen])];
  }
  return {
    status: queue.queued > 0 && names.length === 0 ? "stalled" : "ok",
    mode: options.config.isPostgres ? "pg-boss" : "database-queue",
    queue: { ...queue, maxQueued: options.config.maxQueued },
    graders: { alive: names.length, names, thisProcess: options.local },
    recent,
  };
}

// Queue depth, throughput and submit-to-verdict times, computed from the submission table so the
// figures hold across processes and machines; and the wait a queued student can expect.
import type { TDb } from "@/server/db-client";
import { FINISHED_STATUSES } from "@/server/submissions/submission-status";

/** Verdicts of submissions that waited longer than this are left out (keeps the query on the index). */
const LONGEST_COUNTED_WAIT_MS = 60 * 60_000;
const THROUGHPUT_WINDOW_MS = 60_000;
const THROUGHPUT_CACHE_MS = 2_000;

export interface TVerdictTimes {
  windowMinutes: number;
  verdicts: number;
  gradingsPerMinute: number;
  /** receivedAt → finishedAt of the verdicts in the window */
  secondsToVerdict: { p50: number | null; p95: number | null; max: number | null };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function readRecentVerdicts(db: TDb, since: Date): Promise<{ receivedAt: Date; finishedAt: Date }[]> {
  const rows = await db.submission.findMany({
    // (status, receivedAt) is indexed; finishedAt is not.
    where: { mode: "submit", status: { in: [...FINISHED_STATUSES] }, receivedAt: { gte: new Date(since.getTime() - LONGEST_COUNTED_WAIT_MS) } },
    select: { receivedAt: true, finishedAt: true },
  });
  return rows.filter((row): row is { receivedAt: Date; finishedAt: Date } => row.finishedAt !== null && row.finishedAt >= since);
}

export async function readVerdictTimes(db: TDb, options: { windowMinutes: number; now?: Date }): Promise<TVerdictTimes> {
  const now = options.now ?? new Date();
  const verdicts = await readRecentVerdicts(db, new Date(now.getTime() - options.windowMinutes * 60_000));
  const seconds = verdicts.map((v) => (v.finishedAt.getTime() - v.receivedAt.getTime()) / 1000).sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    windowMinutes: options.windowMinutes,
    verdicts: verdicts.length,
    gradingsPerMinute: Math.round((verdicts.length / options.windowMinutes) * 10) / 10,
    secondsToVerdict: { p50: round(percentile(seconds, 0.5)), p95: round(percentile(seconds, 0.95)), max: round(seconds.at(-1) ?? null) },
  };
}

export async function readQueueDepth(db: TDb): Promise<{ queued: number; running: number }> {
  const [queued, running] = await Promise.all([db.submission.count({ where: { status: "queued" } }), db.submission.count({ where: { status: "running" } })]);
  return { queued, running };
}

let cachedThroughput: { at: number; perSecond: number | null } | null = null;

/**
 * Verdicts per second over the last minute, or null before there are any. Measured from the
 * first verdict in the window, so the first seconds of a burst are not averaged with an idle
 * minute. Cached briefly: every waiting student's page asks, and the answer is the same for all.
 */
export async function readRecentThroughput(db: TDb, now = new Date()): Promise<number | null> {
  if (cachedThroughput && now.getTime() - cachedThroughput.at < THROUGHPUT_CACHE_MS) return cachedThroughput.perSecond;
  const verdicts = await readRecentVerdicts(db, new Date(now.getTime() - THROUGHPUT_WINDOW_MS));
  const first = Math.min(...verdicts.map((v) => v.finishedAt.getTime()));
  const spanSeconds = Math.max(5, (now.getTime() - first) / 1000);
  const perSecond = verdicts.length < 2 ? null : verdicts.length / spanSeconds;
  cachedThroughput = { at: now.getTime(), perSecond };
  return perSecond;
}

/** Seconds until a submission at this queue position gets a grader, at the recent rate. */
export function estimateWaitSeconds(queuePosition: number, perSecond: number | null): number | null {
  return perSecond === null || perSecond <= 0 ? null : Math.ceil(queuePosition / perSecond);
}

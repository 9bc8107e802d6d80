// Grade passback on PostgreSQL: one pg-boss job per due lti_score_sync row and due time, on the
// grading workers' pg-boss instance. The row stays the source of truth (score-sync.ts): the job
// only says "post this row when it is due", so pg-boss's startAfter carries the row's backoff, a
// job whose row moved on (posted, a newer score, another attempt) finds nothing to claim, and
// sending a job twice inserts nothing (its id is derived from the row and due time).
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { jobIdFor } from "@/server/grading-queue/job-id";
import { runScoreSync, type TScoreSyncOutcome } from "./score-sync";

export const LTI_SCORE_QUEUE = "convlab-lti-score";
/** Rows one reconciliation sends at most; the rest follow on the next pass. */
const RECONCILE_BATCH = 500;
/** A delivery that dies (the worker, the database) is delivered again this often, then left to the reconciler. */
const DELIVERY_RETRY_LIMIT = 3;
/** Longer than a post can take (token + line item + score calls at 10 s each). */
const DELIVERY_LEASE_SECONDS = 120;

const ZScoreSyncJob = z.object({ syncId: z.string().min(1).max(64), dueAt: z.string().datetime() });

async function sendScoreSyncJob(boss: PgBoss, row: { id: string; nextAttemptAt: Date }): Promise<void> {
  await boss.send(LTI_SCORE_QUEUE, { syncId: row.id, dueAt: row.nextAttemptAt.toISOString() }, {
    id: jobIdFor(`${row.id}@${row.nextAttemptAt.getTime()}`, "lti-score"),
    startAfter: row.nextAttemptAt,
    expireInSeconds: DELIVERY_LEASE_SECONDS,
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelay: 2,
    retryBackoff: true,
  });
}

/**
 * Sends the job of every pending row (by default only rows nobody has tried yet: fresh scores;
 * `all` also re-sends rows whose poster died, as the reconciler does). Idempotent.
 */
export async function enqueueScoreSyncs(boss: PgBoss, db: TDb, options: { all?: boolean } = {}): Promise<number> {
  const rows = await db.ltiScoreSync.findMany({
    where: { status: "pending", ...(options.all ? {} : { ownerToken: null }) },
    orderBy: { nextAttemptAt: "asc" },
    take: RECONCILE_BATCH,
    select: { id: true, nextAttemptAt: true },
  });
  for (const row of rows) await sendScoreSyncJob(boss, row);
  return rows.length;
}

/** One delivery: posts the row if it is still due at the job's time, and schedules the next attempt of a retryable failure. */
export async function deliverScoreSyncJob(boss: PgBoss, db: TDb, options: { data: unknown; ownerToken: string }): Promise<TScoreSyncOutcome> {
  const { syncId, dueAt } = ZScoreSyncJob.parse(options.data);
  const outcome = await runScoreSync(db, { syncId, dueAt: new Date(dueAt), ownerToken: options.ownerToken });
  if (outcome === "pending") {
    const row = await db.ltiScoreSync.findUnique({ where: { id: syncId }, select: { id: true, status: true, nextAttemptAt: true } });
    if (row?.status === "pending") await sendScoreSyncJob(boss, row);
  }
  return outcome;
}

// Which regrade jobs are still being run, and which were interrupted. A regrade job is a job on
// the grading queue: queued, it waits for a grader like a queued submission (the in-process
// queue polls the table on SQLite; on PostgreSQL a pg-boss job, re-sent by the reconciler if it
// was lost), so it is never called interrupted. The grading process that claims it stamps it
// with its process token and refreshes heartbeatAt with every submission it regrades. A running
// job is interrupted when no process runs it any more: not this one, and its owner's process is
// provably gone (same host) or has not written for REGRADE_STALE_MS (another host). It is then
// marked failed rather than shown as running forever; a job another live process runs is left
// alone. The set of this process's jobs is kept on globalThis because Next.js bundles server
// actions and route handlers separately.
import type { TDb } from "@/server/db-client";
import { checkTokenOwner, createProcessToken } from "@/server/grading-queue/process-token";
import { readRegradeReport } from "./regrade-report";

/** A job whose owner we cannot check (another host) and that has not written for this long is presumed dead. */
export const REGRADE_STALE_MS = 2 * 60_000;

const globalKey = Symbol.for("convlab.active-regrade-jobs");
const tokenKey = Symbol.for("convlab.regrade-owner-token");
type TGlobal = typeof globalThis & { [globalKey]?: Set<string>; [tokenKey]?: string };

function activeJobs(): Set<string> {
  return ((globalThis as TGlobal)[globalKey] ??= new Set());
}

/** This process's token as the owner of the regrade jobs it runs (and, while queued, of those it asked for). */
export function getRegradeOwnerToken(): string {
  return ((globalThis as TGlobal)[tokenKey] ??= createProcessToken("regrade"));
}

export function markRegradeActive(jobId: string): void {
  activeJobs().add(jobId);
}

export function markRegradeInactive(jobId: string): void {
  activeJobs().delete(jobId);
}

export interface TOpenRegradeJob {
  id: string;
  status: string;
  report: unknown;
  ownerToken: string | null;
  heartbeatAt: Date | null;
  createdAt: Date;
}

/** Whether some process still runs this job (or the queue still holds it), as far as this process can tell. */
function isRegradeJobAlive(job: TOpenRegradeJob, now = Date.now()): boolean {
  if (job.status === "queued" || activeJobs().has(job.id)) return true;
  // Ours but not running here: this process started it and then lost it (it cannot be elsewhere).
  if (job.ownerToken === null || job.ownerToken === getRegradeOwnerToken()) return false;
  const owner = checkTokenOwner(job.ownerToken);
  if (owner !== "unknown") return owner === "alive";
  return now - (job.heartbeatAt ?? job.createdAt).getTime() < REGRADE_STALE_MS;
}

/** Marks the given jobs failed if they claim to be in progress but no process runs them any more. */
export async function failInterruptedRegradeJobs(db: TDb, jobs: readonly TOpenRegradeJob[]): Promise<string[]> {
  const interrupted = jobs.filter((job) => job.status === "running" && !isRegradeJobAlive(job));
  for (const job of interrupted) {
    const report = readRegradeReport(job.report);
    // Conditional on the owner and heartbeat this process saw, so a job that just wrote progress is not failed.
    await db.regradeJob.updateMany({
      where: { id: job.id, status: "running", ownerToken: job.ownerToken, heartbeatAt: job.heartbeatAt },
      data: { status: "failed", finishedAt: new Date(), ...(report ? { report: { ...report, error: "interrupted" as const } } : {}) },
    });
  }
  return interrupted.map((job) => job.id);
}

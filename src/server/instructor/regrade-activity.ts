// Which regrade jobs this process is running. Jobs run in the background of the web server, so a
// job the database calls queued or running that no process is running was interrupted by a
// restart; it is marked failed rather than shown as running forever. Kept on globalThis because
// Next.js bundles server actions and route handlers separately.
import type { TDb } from "@/server/db-client";
import { readRegradeReport } from "./regrade-report";

const globalKey = Symbol.for("convlab.active-regrade-jobs");
type TGlobal = typeof globalThis & { [globalKey]?: Set<string> };

function activeJobs(): Set<string> {
  return ((globalThis as TGlobal)[globalKey] ??= new Set());
}

export function markRegradeActive(jobId: string): void {
  activeJobs().add(jobId);
}

export function markRegradeInactive(jobId: string): void {
  activeJobs().delete(jobId);
}

/** Marks the given jobs failed if they claim to be in progress but nothing here runs them. */
export async function failInterruptedRegradeJobs(db: TDb, jobs: readonly { id: string; status: string; report: unknown }[]): Promise<string[]> {
  const interrupted = jobs.filter((job) => (job.status === "queued" || job.status === "running") && !activeJobs().has(job.id));
  for (const job of interrupted) {
    const report = readRegradeReport(job.report);
    await db.regradeJob.updateMany({
      where: { id: job.id, status: { in: ["queued", "running"] } },
      data: { status: "failed", finishedAt: new Date(), ...(report ? { report: { ...report, error: "interrupted" as const } } : {}) },
    });
  }
  return interrupted.map((job) => job.id);
}

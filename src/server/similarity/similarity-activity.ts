// Which similarity reports are still being computed. Like a regrade, a report is a job on the
// grading queue: queued, it waits; the grading process that claims it stamps it with its
// process token and a heartbeat. A running report whose process is gone (same host), or that has
// not written for SIMILARITY_STALE_MS (another host), is marked failed instead of shown running
// forever.
import type { TDb } from "@/server/db-client";
import { checkTokenOwner, createProcessToken } from "@/server/grading-queue/process-token";

/** One report of 500 answers takes seconds; one silent this long lost its process. */
const SIMILARITY_STALE_MS = 10 * 60_000;

const tokenKey = Symbol.for("convlab.similarity-owner-token");
type TGlobal = typeof globalThis & { [tokenKey]?: string };

export function getSimilarityOwnerToken(): string {
  return ((globalThis as TGlobal)[tokenKey] ??= createProcessToken("similarity"));
}

export async function failInterruptedSimilarityReports(db: TDb, where: { assignmentId: string }): Promise<void> {
  const running = await db.similarityReport.findMany({
    where: { ...where, status: "running" },
    select: { id: true, ownerToken: true, heartbeatAt: true, createdAt: true },
  });
  const now = Date.now();
  for (const report of running) {
    const owner = report.ownerToken ? checkTokenOwner(report.ownerToken) : "dead";
    const isStale = now - (report.heartbeatAt ?? report.createdAt).getTime() > SIMILARITY_STALE_MS;
    if (owner === "dead" || (owner === "unknown" && isStale)) {
      await db.similarityReport.updateMany({
        where: { id: report.id, status: "running", ownerToken: report.ownerToken },
        data: { status: "failed", errorKey: "similarityInterrupted", finishedAt: new Date() },
      });
    }
  }
}

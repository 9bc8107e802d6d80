// Announces a stored (queued) regrade job to the grading queue, without waiting for it: the
// caller answers at once and the page polls. If the announcement fails the job still waits in
// the queue: the in-process queue polls the table (SQLite), and the workers' reconciler re-sends
// its pg-boss job (PostgreSQL).
import "server-only";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { log } from "@/server/log";

export function enqueueRegradeJob(jobId: string): void {
  void getGradingService()
    .then((grader) => grader.notifyRegrade(jobId))
    .catch((error: unknown) => log("regrade", "error", "could not announce a regrade; the queue will find it", { jobId, error: String(error) }));
}

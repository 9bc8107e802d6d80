// Starts a stored regrade job in the background of this server process, on the grading
// service's runner pool, without waiting for it: the caller answers at once and the page polls.
import "server-only";
import { db } from "@/server/db";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { markRegradeInactive } from "./regrade-activity";
import { runRegradeJob } from "./run-regrade-job";

export function enqueueRegradeJob(jobId: string): void {
  void getGradingService()
    .then(({ runner }) => runRegradeJob(db, { jobId, runner }))
    .catch(async (error: unknown) => {
      // The runner pool itself could not start: the job never ran.
      console.error(JSON.stringify({ level: "error", msg: "could not start a regrade", jobId, error: String(error) }));
      markRegradeInactive(jobId);
      await db.regradeJob
        .updateMany({ where: { id: jobId, status: { in: ["queued", "running"] } }, data: { status: "failed", finishedAt: new Date() } })
        .catch(() => {});
    });
}

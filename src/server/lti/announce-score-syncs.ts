// Announces LMS scores a web request just queued (an override, a resend) to the job queue,
// without waiting: if the announcement fails the rows still wait, and the queue finds them (the
// in-process queue's next pass on SQLite, the workers' reconciler on PostgreSQL).
import "server-only";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { log } from "@/server/log";

export function announceScoreSyncs(): void {
  void getGradingService()
    .then((grader) => grader.notifyScoreSyncs())
    .catch((error: unknown) => log("lti", "error", "could not announce LMS scores; the queue will find them", { error: String(error) }));
}

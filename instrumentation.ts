// Starts grading when the Node.js server starts: on SQLite the in-process grader, so submissions
// left queued, or running under a process that died, are graded without waiting for a new one; on
// PostgreSQL the pg-boss connection the server enqueues through (workers grade).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getGradingService } = await import("@/server/grading-queue/grading-service");
  // A failed start is logged there and retried by the next request that needs grading.
  await getGradingService().catch(() => {});
  // LMS grade passback (issue 15): drains the score-sync outbox.
  const { startScoreSyncLoop } = await import("@/server/lti/score-sync-loop");
  startScoreSyncLoop();
}

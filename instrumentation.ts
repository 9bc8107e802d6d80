// When the Node.js server starts: refuses to run without an auth secret, then starts grading: on
// SQLite the in-process grader, so submissions left queued, or running under a process that died,
// are graded without waiting for a new one; on PostgreSQL the pg-boss connection the server
// enqueues through (workers grade).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // No server without a proper auth secret: refuse now with the fix in the message, not at the first sign-in.
  const { refuseStartWithoutSecret } = await import("@/server/refuse-start-without-secret");
  refuseStartWithoutSecret();
  const { getGradingService } = await import("@/server/grading-queue/grading-service");
  // A failed start is logged there and retried by the next request that needs grading.
  await getGradingService().catch(() => {});
}

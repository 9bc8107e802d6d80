// Starts grading when the Node.js server starts: on SQLite the in-process grader, so submissions
// left queued, or running under a process that died, are graded without waiting for a new one; on
// PostgreSQL the pg-boss connection the server enqueues through (workers grade).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Before any request: per-address rate limits need the socket address, which Next.js hides.
  const { installPeerAddressHeader } = await import("@/server/rate-limits/client-address");
  installPeerAddressHeader();
  const { getGradingService } = await import("@/server/grading-queue/grading-service");
  // A failed start is logged there and retried by the next request that needs grading.
  await getGradingService().catch(() => {});
}

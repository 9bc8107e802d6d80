// Starts grading when the Node.js server starts: on SQLite the in-process grader, so submissions
// left queued, or running under a process that died, are graded without waiting for a new one; on
// PostgreSQL the pg-boss connection the server enqueues through (workers grade). Before that, any
// grading result still stored under an older result schema is migrated (idempotent, usually a no-op).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { db } = await import("@/server/db");
  const { migrateStoredResults } = await import("@/server/submissions/migrate-stored-results");
  // A row that cannot be migrated is reported and shown as unreadable; the server still starts.
  await migrateStoredResults(db).catch((error: unknown) => console.error(`Migrating stored grading results failed: ${String(error)}`));
  const { getGradingService } = await import("@/server/grading-queue/grading-service");
  // A failed start is logged there and retried by the next request that needs grading.
  await getGradingService().catch(() => {});
}

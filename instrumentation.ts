// Runs when the Node.js server starts: refuses to run without a proper auth secret, syncs the exercise catalogue from exercises/ (so a
// deployment with changed exercise folders serves them without a manual step), then starts
// grading (startGrader, role "web"): on SQLite the in-process grader, so submissions and regrades
// left queued, or running under a process that died, are graded without waiting for a new one; on
// PostgreSQL the pg-boss connection the server enqueues through (workers grade). Before that, any
// grading result still stored under an older result schema is migrated (idempotent, usually a no-op).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Before any request: per-address rate limits need the socket address, which Next.js hides.
  const { installPeerAddressHeader } = await import("@/server/rate-limits/client-address");
  installPeerAddressHeader();
  // No server without a proper auth secret: refuse now with the fix in the message, not at the first sign-in.
  const { refuseStartWithoutSecret } = await import("@/server/refuse-start-without-secret");
  refuseStartWithoutSecret();
  const [{ createPrismaClient }, { syncExercises }, { migrateStoredResults }, { log }, { getGradingService }] = await Promise.all([
    import("@/server/db-client"),
    import("@/server/exercises/sync-exercises"),
    import("@/server/submissions/migrate-stored-results"),
    import("@/server/log"),
    import("@/server/grading-queue/grading-service"),
  ]);
  const db = createPrismaClient();
  try {
    const synced = await syncExercises(db);
    log("exercises", "info", "synced the exercise catalogue", { count: synced.length, changed: synced.filter((e) => e.changed).map((e) => e.slug) });
  } catch (error) {
    // The catalogue of the last sync still serves: a broken exercise folder must not keep the site down.
    log("exercises", "error", "could not sync the exercise catalogue", { error: String(error) });
    // A row that cannot be migrated is reported and shown as unreadable; the server still starts.
    await migrateStoredResults(db).catch((error: unknown) => log("grading", "error", "migrating stored grading results failed", { error: String(error) }));
  } finally {
    await db.$disconnect();
  }
  // A failed start is logged there and retried by the next request that needs grading.
  await getGradingService().catch(() => {});
}

// Starts grading when the Node.js server starts, so submissions left queued or running by a
// previous process are graded without waiting for a new one to arrive.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getGradingService } = await import("@/server/grading/grading-service");
  await getGradingService();
}

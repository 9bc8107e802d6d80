// After an assignment's due date, queues one similarity report per exercise that has none yet,
// so the evidence is ready when the instructor looks. Called by the grading processes' queue
// poll, which runs one report at a time per process.
import type { TDb } from "@/server/db-client";

/** Assignments due longer ago than this are history: their reports, if wanted, are started by hand. */
const AUTO_WINDOW_MS = 14 * 24 * 3600_000;

export async function queueDueSimilarityReports(db: TDb, now = new Date()): Promise<number> {
  const due = await db.assignmentExercise.findMany({
    where: {
      assignment: { dueAt: { lte: now, gte: new Date(now.getTime() - AUTO_WINDOW_MS) } },
    },
    select: { assignmentId: true, exerciseId: true, assignment: { select: { similarityReports: { select: { exerciseId: true } } } } },
  });
  let queued = 0;
  for (const row of due) {
    if (row.assignment.similarityReports.some((report) => report.exerciseId === row.exerciseId)) continue;
    await db.similarityReport.create({ data: { assignmentId: row.assignmentId, exerciseId: row.exerciseId, requestedById: null, comparisonCourseIds: [] } });
    queued += 1;
  }
  return queued;
}

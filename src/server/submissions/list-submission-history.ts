// A student's graded attempts at one exercise, newest first, for the history and its diffs.
import type { TDb } from "@/server/db-client";

/** One submission in a list of them: the student's history, and the staff's drill-down (which adds to it). */
export interface TSubmissionSummary {
  id: string;
  /** ISO 8601, when it arrived */
  createdAt: string;
  /** a SubmissionStatus: queued, running, passed, failed, error, timeout or not_gradable */
  status: string;
  /** null until graded; after the late penalty */
  score: number | null;
  maxScore: number | null;
  code: string;
  isLate: boolean;
}

export async function listSubmissionHistory(db: TDb, options: { userId: string; exerciseId: string; limit?: number }): Promise<TSubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId: options.userId, exerciseId: options.exerciseId, mode: "submit" },
    orderBy: { receivedAt: "desc" },
    take: options.limit ?? 50,
    select: { id: true, receivedAt: true, status: true, score: true, maxScore: true, code: true, isLate: true },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.receivedAt.toISOString(),
    status: r.status,
    score: r.score,
    maxScore: r.maxScore,
    code: r.code,
    isLate: r.isLate,
  }));
}

// A student's graded attempts at one exercise, newest first, for the history and its diffs.
import type { TDb } from "@/server/db-client";

export interface THistoryEntry {
  id: string;
  createdAt: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  code: string;
  isLate: boolean;
}

export async function listSubmissionHistory(db: TDb, options: { userId: string; exerciseId: string; limit?: number }): Promise<THistoryEntry[]> {
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

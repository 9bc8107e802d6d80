// A student's graded attempts at one exercise of an assignment, newest first, for the history:
// code for the diffs, and each one's stored feedback as the student may see it (redacted the same
// way as when it arrived while the hidden cases' data must wait).
import type { TDb } from "@/server/db-client";
import { showStoredResult, type TShownGradingResult } from "./redact-hidden-details";

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
  /** null until graded (or when unreadable) */
  result: TShownGradingResult | null;
}

export async function listSubmissionHistory(
  db: TDb,
  options: {
    userId: string;
    exerciseId: string;
    assignmentId: string;
    /** set while the viewer may not see the hidden cases' data (canSeeHiddenCaseDetails) */
    hiddenUntil: { dueAt: Date; timeZone: string } | null;
    limit?: number;
  },
): Promise<TSubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId: options.userId, exerciseId: options.exerciseId, assignmentId: options.assignmentId, mode: "submit" },
    orderBy: { receivedAt: "desc" },
    take: options.limit ?? 50,
    select: { id: true, receivedAt: true, status: true, score: true, maxScore: true, code: true, isLate: true, result: true },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.receivedAt.toISOString(),
    status: r.status,
    score: r.score,
    maxScore: r.maxScore,
    code: r.code,
    isLate: r.isLate,
    result: showStoredResult(r.result, options.hiddenUntil),
  }));
}

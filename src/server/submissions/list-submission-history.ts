// A student's graded attempts at one exercise, newest first, for the history and its diffs. A
// Submit whose assignment has not released the student's score yet reads "submitted", unscored.
import type { TDb } from "@/server/db-client";
import { withEffectiveDueAt } from "@/server/assignments/effective-due";
import { RELEASE_SELECT, releaseWait } from "@/server/assignments/release";

/** One submission in a list of them: the student's history, and the staff's drill-down (which adds to it). */
export interface TSubmissionSummary {
  id: string;
  /** ISO 8601, when it arrived */
  createdAt: string;
  /** a SubmissionStatus (queued, running, passed, failed, error, timeout, not_gradable), or "submitted" before its score's release */
  status: string;
  /** null until graded; after the late penalty */
  score: number | null;
  maxScore: number | null;
  code: string;
  isLate: boolean;
}

export async function listSubmissionHistory(db: TDb, options: { userId: string; exerciseId: string; limit?: number; now?: Date }): Promise<TSubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId: options.userId, exerciseId: options.exerciseId, mode: "submit" },
    orderBy: { receivedAt: "desc" },
    take: options.limit ?? 50,
    select: {
      id: true,
      receivedAt: true,
      status: true,
      score: true,
      maxScore: true,
      code: true,
      isLate: true,
      assignment: { select: { ...RELEASE_SELECT, exceptions: { where: { userId: options.userId }, select: { dueAt: true } } } },
    },
  });
  const now = options.now ?? new Date();
  return rows.map((r) => {
    const assignment = r.assignment && withEffectiveDueAt(r.assignment, r.assignment.exceptions[0]);
    const isWithheld = assignment !== null && r.score !== null && releaseWait(assignment.scoresRelease, assignment, now) !== null;
    return {
      id: r.id,
      createdAt: r.receivedAt.toISOString(),
      status: isWithheld ? "submitted" : r.status,
      score: isWithheld ? null : r.score,
      maxScore: isWithheld ? null : r.maxScore,
      code: r.code,
      isLate: r.isLate,
    };
  });
}

// A student's graded attempts at one exercise of an assignment, newest first, for the history:
// code for the diffs, and each one's stored feedback as the student may see it (redacted the same
// way as when it arrived while the hidden cases' data must wait). A Submit whose assignment has
// not released the student's score yet reads "submitted", unscored and without feedback.
import type { TDb } from "@/server/db-client";
import { withEffectiveDueAt } from "@/server/assignments/effective-due";
import { RELEASE_SELECT, releaseWait, type TReleaseWait } from "@/server/assignments/release";
import { showStoredResult, type TShownGradingResult } from "./redact-hidden-details";

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
    hiddenUntil: TReleaseWait | null;
    limit?: number;
    now?: Date;
  },
): Promise<TSubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId: options.userId, exerciseId: options.exerciseId, assignmentId: options.assignmentId, mode: "submit" },
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
      result: true,
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
      // The feedback says what the score would: it waits with it.
      result: isWithheld ? null : showStoredResult(r.result, options.hiddenUntil),
    };
  });
}

// One submission as its author or the course staff may see it, with its place in the queue while
// it waits, for the page that polls until the verdict arrives. A student's Submit result comes
// without the data of its hidden cases when the assignment keeps it until the due date.
import { ZGradingResult } from "@/grading/result-schema";
import { getMembership } from "@/server/roster/get-membership";
import type { TDb } from "@/server/db-client";
import { withEffectiveDueAt } from "@/server/assignments/effective-due";
import { AppError } from "@/server/errors";
import { estimateWaitSeconds, readRecentThroughput } from "@/server/grading-queue/read-grading-stats";
import type { TSessionUser } from "@/server/permissions/roles";
import { canSeeHiddenCaseDetails, canViewSubmission } from "@/server/permissions/submission-permissions";
import { redactHiddenCaseDetails, type TShownGradingResult } from "./redact-hidden-details";

export interface TSubmissionView {
  id: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  isLate: boolean;
  latePenalty: number;
  attempt: number | null;
  receivedAt: string;
  finishedAt: string | null;
  code: string;
  /** redacted (see redactHiddenCaseDetails) when the viewer may not see hidden-case data yet */
  result: TShownGradingResult | null;
  /** 1-based place among queued submissions, while queued */
  queuePosition: number | null;
  /** seconds until a grader takes it, at the recent grading rate; null when unknown or not queued */
  estimatedWaitSeconds: number | null;
  /** running past its short budget: in (or waiting for) the slow lane, under the exercise's own limits */
  isTakingLonger: boolean;
}

/**
 * Correct code gets its verdict within its exercise's short budget (a fraction of a second, see
 * src/grading/short-budget.ts); one still running after this has outlived it.
 */
export const TAKING_LONGER_MS = 1000;

const NOT_FOUND = new AppError("not_found", "submissionNotFound");

export async function getSubmissionView(db: TDb, options: { user: TSessionUser; submissionId: string; now?: Date }): Promise<TSubmissionView> {
  const s = await db.submission.findUnique({ where: { id: options.submissionId } });
  if (!s) throw NOT_FOUND;
  // The author needs no membership lookup: it is one query less on every poll of a waiting student.
  const isAuthor = s.userId === options.user.id;
  const membership = s.courseId && !isAuthor ? await getMembership(db, { userId: options.user.id, courseId: s.courseId }) : null;
  if (!canViewSubmission(options.user, s, membership)) throw NOT_FOUND;
  const queuePosition =
    s.status === "queued" ? (await db.submission.count({ where: { status: "queued", receivedAt: { lt: s.receivedAt } } })) + 1 : null;
  const estimatedWaitSeconds = queuePosition === null ? null : estimateWaitSeconds(queuePosition, await readRecentThroughput(db));
  const parsed = s.result === null ? null : ZGradingResult.safeParse(s.result);
  let result: TShownGradingResult | null = parsed?.success ? parsed.data : null;
  // Only a graded submission of an assignment costs these lookups, not every poll while it waits.
  if (result !== null && s.assignmentId !== null) {
    const found = await db.assignment.findUnique({
      where: { id: s.assignmentId },
      select: { dueAt: true, timeZone: true, showHiddenDetailsBeforeDue: true, exceptions: { where: { userId: s.userId }, select: { dueAt: true } } },
    });
    // Hidden details open at the author's own due date: an extension keeps them hidden longer.
    const assignment = found ? withEffectiveDueAt(found, found.exceptions[0]) : null;
    const staffMembership = membership ?? (s.courseId ? await getMembership(db, { userId: options.user.id, courseId: s.courseId }) : null);
    if (assignment && !canSeeHiddenCaseDetails(options.user, staffMembership, { mode: s.mode, assignment }, options.now ?? new Date())) {
      result = redactHiddenCaseDetails(result, assignment);
    }
  }
  return {
    id: s.id,
    status: s.status,
    score: s.score,
    maxScore: s.maxScore,
    isLate: s.isLate,
    latePenalty: s.latePenalty,
    attempt: s.attempt,
    receivedAt: s.receivedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    code: s.code,
    result,
    queuePosition,
    estimatedWaitSeconds,
    isTakingLonger: s.status === "running" && s.startedAt !== null && (options.now ?? new Date()).getTime() - s.startedAt.getTime() >= TAKING_LONGER_MS,
  };
}

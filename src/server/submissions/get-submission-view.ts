// One submission as its author or the course staff may see it, with its place in the queue while
// it waits, for the page that polls until the verdict arrives. A student's Submit result comes
// without its score (only "submitted, result after …") or without the data of its hidden cases
// while the assignment has not released them (src/server/assignments/release.ts).
import { ZGradingResult } from "@/grading/result-schema";
import { getMembership } from "@/server/roster/get-membership";
import type { TDb } from "@/server/db-client";
import { withEffectiveDueAt } from "@/server/assignments/effective-due";
import { AppError } from "@/server/errors";
import { estimateWaitSeconds, readRecentThroughput } from "@/server/grading-queue/read-grading-stats";
import type { TSessionUser } from "@/server/permissions/roles";
import { canSeeHiddenCaseDetails, canSeeSubmissionScore, canViewSubmission } from "@/server/permissions/submission-permissions";
import { GRADED_STATUSES } from "./submission-status";
import { RELEASE_SELECT, releaseWait, type TReleaseWait } from "@/server/assignments/release";
import { redactHiddenCaseDetails, type TShownGradingResult } from "./redact-hidden-details";

export interface TSubmissionView {
  id: string;
  /** a SubmissionStatus, or "submitted" for a graded Submit whose result is not released yet */
  status: string;
  /** null until graded, and until released */
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
  /** what the result waits for when the assignment has not released the author's score yet */
  resultAfter: TReleaseWait | null;
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

/** The viewer's membership in the submission's course, after checking they may see it at all. */
async function checkViewer(db: TDb, user: TSessionUser, s: { userId: string; courseId: string | null }) {
  // The author needs no membership lookup: it is one query less on every poll of a waiting student.
  const isAuthor = s.userId === user.id;
  const membership = s.courseId && !isAuthor ? await getMembership(db, { userId: user.id, courseId: s.courseId }) : null;
  if (!canViewSubmission(user, s, membership)) throw NOT_FOUND;
  return membership;
}

function isRunningLonger(s: { status: string; startedAt: Date | null }, now: Date): boolean {
  return s.status === "running" && s.startedAt !== null && now.getTime() - s.startedAt.getTime() >= TAKING_LONGER_MS;
}

/**
 * Only what a long poll compares with what the page last saw, before it waits: one small row,
 * without the code, the result, the queue position or the release rules the full view reads.
 */
export async function getSubmissionStatus(db: TDb, options: { user: TSessionUser; submissionId: string; now?: Date }): Promise<{ status: string; isTakingLonger: boolean }> {
  const s = await db.submission.findUnique({ where: { id: options.submissionId }, select: { userId: true, courseId: true, status: true, startedAt: true } });
  if (!s) throw NOT_FOUND;
  await checkViewer(db, options.user, s);
  return { status: s.status, isTakingLonger: isRunningLonger(s, options.now ?? new Date()) };
}

export async function getSubmissionView(db: TDb, options: { user: TSessionUser; submissionId: string; now?: Date }): Promise<TSubmissionView> {
  const s = await db.submission.findUnique({ where: { id: options.submissionId } });
  if (!s) throw NOT_FOUND;
  const membership = await checkViewer(db, options.user, s);
  const queuePosition =
    s.status === "queued" ? (await db.submission.count({ where: { status: "queued", receivedAt: { lt: s.receivedAt } } })) + 1 : null;
  const estimatedWaitSeconds = queuePosition === null ? null : estimateWaitSeconds(queuePosition, await readRecentThroughput(db));
  const parsed = s.result === null ? null : ZGradingResult.safeParse(s.result);
  let result: TShownGradingResult | null = parsed?.success ? parsed.data : null;
  let resultAfter: TReleaseWait | null = null;
  // Only a graded submission of an assignment costs these lookups, not every poll while it waits.
  if (result !== null && s.assignmentId !== null) {
    const found = await db.assignment.findUnique({
      where: { id: s.assignmentId },
      select: { ...RELEASE_SELECT, exceptions: { where: { userId: s.userId }, select: { dueAt: true } } },
    });
    // Results open at the author's own due date: an extension keeps them back longer.
    const assignment = found ? withEffectiveDueAt(found, found.exceptions[0]) : null;
    const now = options.now ?? new Date();
    const target = { mode: s.mode, assignment };
    // A membership only ever shows more (staff see before the release): once the results are out
    // for everyone, the author's own membership is not worth a query.
    const isOutForAll = canSeeSubmissionScore(options.user, null, target, now) && canSeeHiddenCaseDetails(options.user, null, target, now);
    const staffMembership = membership ?? (s.courseId && !isOutForAll ? await getMembership(db, { userId: options.user.id, courseId: s.courseId }) : null);
    // A submission that could not be graded has no score to keep back; the student must learn to resubmit.
    const isScored = (GRADED_STATUSES as readonly string[]).includes(s.status);
    if (assignment && isScored && !canSeeSubmissionScore(options.user, staffMembership, target, now)) {
      resultAfter = releaseWait(assignment.scoresRelease, assignment, now);
    } else if (assignment && !canSeeHiddenCaseDetails(options.user, staffMembership, target, now)) {
      result = redactHiddenCaseDetails(result, releaseWait(assignment.hiddenDetailsRelease, assignment, now) ?? { kind: "publish" });
    }
  }
  // Before the scores' release the student learns only that the submission arrived and was graded.
  if (resultAfter !== null) {
    return { ...summarize(s), status: "submitted", score: null, maxScore: null, result: null, resultAfter, queuePosition, estimatedWaitSeconds, isTakingLonger: false };
  }
  const isTakingLonger = isRunningLonger(s, options.now ?? new Date());
  return { ...summarize(s), status: s.status, score: s.score, maxScore: s.maxScore, result, resultAfter: null, queuePosition, estimatedWaitSeconds, isTakingLonger };
}

function summarize(s: { id: string; isLate: boolean; latePenalty: number; attempt: number | null; receivedAt: Date; finishedAt: Date | null; code: string }) {
  return {
    id: s.id,
    isLate: s.isLate,
    latePenalty: s.latePenalty,
    attempt: s.attempt,
    receivedAt: s.receivedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    code: s.code,
  };
}

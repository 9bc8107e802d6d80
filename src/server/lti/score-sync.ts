// AGS 2.0 grade passback through the durable job queue. A grade change writes the student's
// assignment score into lti_score_sync in the same transaction as the grade; that row is the job,
// RegradeJob-style: a queue process claims a due row under its token (a lease: nextAttemptAt moves
// past the post's longest duration) and posts it to the resource link's one line item. The row
// keeps the retry state (attempts, backoff in nextAttemptAt, the LMS's last answer), and only the
// claimant's writes count. SQLite: the in-process grading queue drains due rows
// (processDueScoreSyncs); PostgreSQL: one pg-boss job per due row (score-sync-jobs.ts). Only a
// score that differs from the last one the LMS accepted is posted again.
import { z } from "zod";
import { pickBestSubmission } from "@/server/grades/best-submission";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { withEffectiveDueAt } from "@/server/assignments/effective-due";
import { RELEASE_SELECT, releaseAt } from "@/server/assignments/release";
import type { TDb } from "@/server/db-client";
import { callService, ServiceCallError } from "./access-token";
import { readAssignmentPoints } from "./deep-linking";
import { AGS_SCOPES } from "./lti-claims";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

const LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
const LINE_ITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
const SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Longer than a post can take (token + line item + score calls at 10 s each). */
const POST_LEASE_MS = 60_000;

const ZLineItem = z.object({ id: z.string().url(), resourceLinkId: z.string().optional(), scoreMaximum: z.number().optional() });

/**
 * A student's score on an assignment: the best submission per exercise, scaled to its points, or
 * the score staff set by hand for that exercise (an override wins, as in the matrix and exports).
 */
async function computeAssignmentScore(tx: TTx, assignmentId: string, userId: string): Promise<{ given: number; maximum: number; isComplete: boolean }> {
  const exercises = await tx.assignmentExercise.findMany({ where: { assignmentId }, include: { exercise: { select: { points: true } } } });
  const submissions = await tx.submission.findMany({
    where: { assignmentId, userId, mode: "submit", status: { in: [...GRADED_STATUSES] } },
    select: { exerciseId: true, score: true, maxScore: true, isLate: true, receivedAt: true },
  });
  const overrides = await tx.scoreOverride.findMany({ where: { assignmentId, userId }, select: { exerciseId: true, score: true } });
  let given = 0;
  let maximum = 0;
  let answered = 0;
  for (const row of exercises) {
    const points = row.points ?? row.exercise.points;
    maximum += points;
    const override = overrides.find((o) => o.exerciseId === row.exerciseId);
    if (override) {
      given += override.score;
      answered += 1;
      continue;
    }
    const best = pickBestSubmission(submissions.filter((s) => s.exerciseId === row.exerciseId));
    if (best && best.maxScore) {
      given += ((best.score ?? 0) / best.maxScore) * points;
      answered += 1;
    }
  }
  return { given: Math.round(given * 100) / 100, maximum, isComplete: answered === exercises.length };
}

/**
 * Called wherever a student's grade changes (a verdict, a regrade, a score set by hand), inside that transaction, so
 * the job row and the grade commit together. Costs one query when nothing is linked to an LMS.
 */
export async function queueScoreSync(tx: TTx, options: { userId: string; exerciseId: string }): Promise<void> {
  const links = await tx.ltiResourceLink.findMany({
    where: { assignment: { exercises: { some: { exerciseId: options.exerciseId } } }, context: { platform: { users: { some: { userId: options.userId } } } } },
    select: { id: true, assignmentId: true },
  });
  for (const link of links) await queueLinkScore(tx, link, options.userId);
}

/**
 * The LMS learns a score no earlier than the student does (the assignment's scoresRelease): a row
 * waits for the student's own due date, and none is queued while the release waits for staff to
 * publish (publishing queues them, see queueAssignmentScoreSyncs).
 */
async function queueLinkScore(tx: TTx, link: { id: string; assignmentId: string }, userId: string): Promise<void> {
  const now = new Date();
  const assignment = await tx.assignment.findUniqueOrThrow({
    where: { id: link.assignmentId },
    select: { ...RELEASE_SELECT, exceptions: { where: { userId }, select: { dueAt: true } } },
  });
  const sendAt = releaseAt(assignment.scoresRelease, withEffectiveDueAt(assignment, assignment.exceptions[0]), now);
  const key = { ltiResourceLinkId_userId: { ltiResourceLinkId: link.id, userId } };
  if (sendAt === null) {
    await tx.ltiScoreSync.deleteMany({ where: { ltiResourceLinkId: link.id, userId, status: "pending" } });
    return;
  }
  const score = await computeAssignmentScore(tx, link.assignmentId, userId);
  const existing = await tx.ltiScoreSync.findUnique({ where: key });
  if (existing && existing.status === "sent" && existing.sentScore === score.given && existing.scoreMaximum === score.maximum) return;
  // ownerToken null: a post still running for the old score can no longer record its outcome.
  const data = { scoreGiven: score.given, scoreMaximum: score.maximum, status: "pending" as const, attempts: 0, nextAttemptAt: sendAt, lastError: null, ownerToken: null };
  await tx.ltiScoreSync.upsert({ where: key, create: { ltiResourceLinkId: link.id, userId, ...data }, update: data });
}

/** The course's active students known to the link's LMS, or the one asked for. */
async function listLinkStudents(tx: TTx, link: { context: { courseId: string; platformId: string } }, userId?: string): Promise<string[]> {
  const students = await tx.enrollment.findMany({
    where: { courseId: link.context.courseId, role: "student", removedAt: null, ...(userId ? { userId } : {}), user: { ltiUsers: { some: { platformId: link.context.platformId } } } },
    select: { userId: true },
  });
  return students.map((s) => s.userId);
}

/**
 * Queues the assignment's score of every student (or one) on every LMS link of it, after something
 * that changes scores or their release for the whole assignment: a publish, an extension, a
 * scoring change. Inside the caller's transaction.
 */
export async function queueAssignmentScoreSyncs(tx: TTx, options: { assignmentId: string; userId?: string }): Promise<void> {
  const links = await tx.ltiResourceLink.findMany({ where: { assignmentId: options.assignmentId }, include: { context: true } });
  for (const link of links) {
    for (const userId of await listLinkStudents(tx, link, options.userId)) await queueLinkScore(tx, link, userId);
  }
}

/** The instructor's "resend": one student or everyone on a resource link, even unchanged scores. */
export async function resendScores(db: TDb, options: { ltiResourceLinkId: string; userId?: string }): Promise<number> {
  return db.$transaction(async (tx) => {
    const link = await tx.ltiResourceLink.findUniqueOrThrow({ where: { id: options.ltiResourceLinkId }, include: { context: true } });
    const students = await listLinkStudents(tx, link, options.userId);
    for (const userId of students) {
      await tx.ltiScoreSync.updateMany({ where: { ltiResourceLinkId: link.id, userId }, data: { status: "pending", sentScore: null } });
      await queueLinkScore(tx, link, userId);
    }
    return students.length;
  });
}

/** The line item of a resource link: the one the launch named, else found by resourceLinkId, else created. */
async function ensureLineItem(db: TDb, linkId: string): Promise<string> {
  const link = await db.ltiResourceLink.findUniqueOrThrow({ where: { id: linkId }, include: { context: { include: { platform: true } }, assignment: true } });
  if (link.lineItemUrl) return link.lineItemUrl;
  const { platform, lineItemsUrl } = link.context;
  if (!lineItemsUrl) throw new ServiceCallError(400, "the LMS gave no AGS line items URL for this course (is the Assignment and Grade Service enabled for the tool?)");
  const query = new URL(lineItemsUrl);
  query.searchParams.set("resource_link_id", link.resourceLinkId);
  const found = await callService(db, platform, [AGS_SCOPES.lineItem], query.toString(), { accept: LINE_ITEMS_TYPE });
  const items = z.array(ZLineItem).parse(await found.json());
  let lineItemUrl = items.find((item) => item.resourceLinkId === link.resourceLinkId)?.id;
  if (!lineItemUrl) {
    const body = { scoreMaximum: await readAssignmentPoints(db, link.assignmentId), label: link.assignment.title, resourceId: link.assignmentId, resourceLinkId: link.resourceLinkId };
    const created = await callService(db, platform, [AGS_SCOPES.lineItem], lineItemsUrl, { method: "POST", accept: LINE_ITEM_TYPE, contentType: LINE_ITEM_TYPE, body });
    lineItemUrl = ZLineItem.parse(await created.json()).id;
  }
  await db.ltiResourceLink.update({ where: { id: link.id }, data: { lineItemUrl } });
  return lineItemUrl;
}

/** The scores endpoint of a line item: its URL with /scores appended to the path (AGS §3.4). */
function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/scores`;
  return url.toString();
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ServiceCallError)) return false;
  return error.status === null || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** The backoff, or longer when the LMS said how long to wait (429/503 with Retry-After), within the backoff's cap. */
function retryDelayMs(error: unknown, attempts: number): number {
  const asked = error instanceof ServiceCallError && error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : 0;
  return Math.min(Math.max(backoffMs(attempts), asked), MAX_BACKOFF_MS);
}

export type TScoreSyncOutcome = "sent" | "pending" | "failed" | "not-claimed";

/**
 * Claims a pending row due at `dueAt` for `ownerToken`: false when another process took it, or it
 * changed (a new score, a resend, another attempt) since that due time was read. The caller has
 * decided it is due (the query on SQLite, pg-boss's startAfter on PostgreSQL, whose clock may
 * differ a little from this process's).
 */
async function claimScoreSync(db: TDb, options: { syncId: string; dueAt: Date; ownerToken: string; now: Date }): Promise<boolean> {
  const claimed = await db.ltiScoreSync.updateMany({
    where: { id: options.syncId, status: "pending", nextAttemptAt: options.dueAt },
    data: { ownerToken: options.ownerToken, nextAttemptAt: new Date(options.now.getTime() + POST_LEASE_MS) },
  });
  return claimed.count === 1;
}

/** Claims one due row and posts it; what the row's state is afterwards. */
export async function runScoreSync(db: TDb, options: { syncId: string; dueAt: Date; ownerToken: string; now?: Date }): Promise<TScoreSyncOutcome> {
  const now = options.now ?? new Date();
  if (!(await claimScoreSync(db, { ...options, now }))) return "not-claimed";
  return postScore(db, { syncId: options.syncId, ownerToken: options.ownerToken, now });
}

/** Posts a claimed row; its outcome is written only while the row is still this claimant's. */
async function postScore(db: TDb, options: { syncId: string; ownerToken: string; now: Date }): Promise<"sent" | "pending" | "failed"> {
  const { now, ownerToken } = options;
  const sync = await db.ltiScoreSync.findUniqueOrThrow({ where: { id: options.syncId }, include: { resourceLink: { include: { context: { include: { platform: true } } } } } });
  const platform = sync.resourceLink.context.platform;
  const ltiUser = await db.ltiUser.findFirstOrThrow({ where: { platformId: platform.id, userId: sync.userId } });
  const score = {
    userId: ltiUser.sub,
    scoreGiven: sync.scoreGiven,
    scoreMaximum: sync.scoreMaximum,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    timestamp: now.toISOString(),
  };
  const ours = { id: sync.id, ownerToken, status: "pending" as const };
  try {
    const lineItemUrl = await ensureLineItem(db, sync.ltiResourceLinkId);
    await callService(db, platform, [AGS_SCOPES.score, AGS_SCOPES.lineItem], scoresUrl(lineItemUrl), { method: "POST", accept: "application/json", contentType: SCORE_TYPE, body: score });
    // A grade change that arrived while posting took the row back (ownerToken null): it stays pending for the new score.
    const marked = await db.ltiScoreSync.updateMany({ where: ours, data: { status: "sent", sentScore: sync.scoreGiven, sentAt: now, lastError: null, attempts: sync.attempts + 1 } });
    return marked.count === 1 ? "sent" : "pending";
  } catch (error) {
    const attempts = sync.attempts + 1;
    const message = error instanceof ServiceCallError ? error.message : String(error);
    const status = isRetryable(error) && attempts < MAX_ATTEMPTS ? "pending" : "failed";
    await db.ltiScoreSync.updateMany({
      where: ours,
      data: { status, attempts, lastError: message.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + retryDelayMs(error, attempts)) },
    });
    return status;
  }
}

/** One pass over the due rows (the SQLite queue), oldest first. Returns how many this process posted. */
export async function processDueScoreSyncs(db: TDb, options: { ownerToken: string; now?: Date; limit?: number }): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db.ltiScoreSync.findMany({ where: { status: "pending", nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, take: options.limit ?? 50, select: { id: true, nextAttemptAt: true } });
  let attempted = 0;
  for (const row of due) {
    if ((await runScoreSync(db, { syncId: row.id, dueAt: row.nextAttemptAt, ownerToken: options.ownerToken, now })) !== "not-claimed") attempted += 1;
  }
  return attempted;
}

// Where a student stands against an assignment's attempt cap and cooldown for one exercise: the
// one count both the Submit refusal (create-submission.ts) and the counter beside Submit use.
// A submission that was not gradable never counts; one whose file did not load counts only when
// the assignment says so.
import type { TDb } from "@/server/db-client";

export interface TAttempts {
  used: number;
  /** null: no cap */
  max: number | null;
  /** when the next Submit is allowed; null when it is allowed now */
  cooldownEndsAt: Date | null;
}

export interface TAttemptPolicy {
  id: string;
  maxAttempts: number | null;
  cooldownSeconds: number | null;
  loadErrorsCostNoAttempt: boolean;
}

/** The columns of a student's Submits that tallyAttempts reads. */
export const ATTEMPT_SELECT = { status: true, didNotLoad: true, receivedAt: true } as const;

/** The Submits of one student on one exercise of an assignment (every status). */
export function mySubmits(options: { userId: string; exerciseId: string; assignmentId: string }) {
  return { userId: options.userId, exerciseId: options.exerciseId, assignmentId: options.assignmentId, mode: "submit" as const };
}

/** The tally from the student's Submits on the exercise, read once by the caller. */
export function tallyAttempts(
  submits: readonly { status: string; didNotLoad: boolean; receivedAt: Date }[],
  assignment: TAttemptPolicy,
  now: Date,
): TAttempts {
  const used = submits.filter((s) => s.status !== "not_gradable" && !(assignment.loadErrorsCostNoAttempt && s.didNotLoad)).length;
  const last = submits.reduce((latest, s) => Math.max(latest, s.receivedAt.getTime()), 0);
  const cooldownEnd = last && assignment.cooldownSeconds ? last + assignment.cooldownSeconds * 1000 : 0;
  return { used, max: assignment.maxAttempts, cooldownEndsAt: cooldownEnd > now.getTime() ? new Date(cooldownEnd) : null };
}

export async function readAttempts(
  db: TDb,
  options: { userId: string; exerciseId: string; assignment: TAttemptPolicy; now: Date },
): Promise<TAttempts> {
  // One small row per Submit instead of a count and a latest-row query: the cap, the cooldown and
  // the per-exercise rate limit keep them few.
  const submits = await db.submission.findMany({
    where: mySubmits({ userId: options.userId, exerciseId: options.exerciseId, assignmentId: options.assignment.id }),
    select: ATTEMPT_SELECT,
  });
  return tallyAttempts(submits, options.assignment, options.now);
}

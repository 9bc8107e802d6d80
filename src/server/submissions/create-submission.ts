// Stores a graded attempt as a queued job. Everything that can refuse it (deadline, attempts,
// cooldown, too many in flight, the student's storage budget, a full queue, the per-exercise
// rate limit) is checked before anything is written, and a repeated client token returns the
// first submission instead of creating a second one.
import { randomInt } from "node:crypto";
import { evaluateDeadline } from "@/server/assignments/late-policy";
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";
import { enforceRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { getRateLimit, getStorageBudgetBytes } from "@/server/rate-limits/rate-limit-settings";
import { ATTEMPT_SELECT, mySubmits, tallyAttempts } from "./read-attempts";
import { IN_FLIGHT_STATUSES } from "./submission-status";

/** Queued or running submissions one student may have at once (back-pressure on deadline night). */
export const MAX_IN_FLIGHT_PER_STUDENT = 2;

export interface TCreateSubmissionInput {
  user: TSessionUser;
  assignmentId: string;
  slug: string;
  code: string;
  clientToken: string;
  /** queued submissions (everyone's) beyond which this one is refused; unset: no bound */
  maxQueued?: number;
  now?: Date;
}

export async function createSubmission(db: TDb, input: TCreateSubmissionInput): Promise<{ id: string; duplicate: boolean }> {
  // One read of the student's rows answers the repeated token, the in-flight limit, the attempt
  // cap, the cooldown and the attempt number (it was five queries): the rows with this token, the
  // ones in flight (at most MAX_IN_FLIGHT_PER_STUDENT) and the Submits of this exercise here.
  const mine = await db.submission.findMany({
    where: {
      userId: input.user.id,
      OR: [
        { clientToken: input.clientToken },
        { status: { in: [...IN_FLIGHT_STATUSES] } },
        { assignmentId: input.assignmentId, mode: "submit", exercise: { slug: input.slug } },
      ],
    },
    select: { id: true, clientToken: true, exerciseId: true, assignmentId: true, mode: true, ...ATTEMPT_SELECT },
  });
  const existing = mine.find((s) => s.clientToken === input.clientToken);
  if (existing) return { id: existing.id, duplicate: true };

  const { assignment, exercise } = await loadAssignmentExercise(db, input);
  const now = input.now ?? new Date();
  const deadline = evaluateDeadline(assignment, now);
  if (deadline.kind === "not-open") {
    throw new AppError("forbidden", "assignmentNotOpenYet", { opensAt: assignment.opensAt.toISOString() });
  }
  if (deadline.kind === "closed") {
    throw new AppError("forbidden", "deadlinePassedNoLate");
  }

  const inFlight = mine.filter((s) => (IN_FLIGHT_STATUSES as readonly string[]).includes(s.status)).length;
  if (inFlight >= MAX_IN_FLIGHT_PER_STUDENT) {
    throw new AppError("rate_limited", "submissionsInFlight");
  }
  const target = mySubmits({ userId: input.user.id, exerciseId: exercise.id, assignmentId: assignment.id });
  const submits = mine.filter((s) => s.exerciseId === target.exerciseId && s.assignmentId === target.assignmentId && s.mode === target.mode);
  const attempts = tallyAttempts(submits, assignment, now);
  if (attempts.max !== null && attempts.used >= attempts.max) {
    throw new AppError("forbidden", "attemptsUsedUp", { maxAttempts: attempts.max });
  }
  if (attempts.cooldownEndsAt) {
    const seconds = Math.ceil((attempts.cooldownEndsAt.getTime() - now.getTime()) / 1000);
    throw new AppError("rate_limited", "cooldownWait", { seconds }, { retryAfterSeconds: seconds });
  }

  const codeBytes = Buffer.byteLength(input.code, "utf8");
  const budget = getStorageBudgetBytes();
  if (budget !== null) {
    // Without a lock, like the queue bound: parallel requests may pass it by the in-flight limit's few rows.
    const stored = await db.submission.aggregate({ where: { userId: input.user.id }, _sum: { codeBytes: true } });
    if ((stored._sum.codeBytes ?? 0) + codeBytes > budget) {
      throw new AppError("forbidden", "storageBudgetFull", { mb: Math.round(budget / (1024 * 1024)) });
    }
  }

  // Checked last and without a lock: a burst may overshoot the bound by a few rows, never by a queue.
  if (input.maxQueued !== undefined && (await db.submission.count({ where: { status: "queued" } })) >= input.maxQueued) {
    throw new AppError("unavailable", "queueFull");
  }
  // Charged last, so a submission refused for another reason costs nothing.
  await enforceRateLimit(db, {
    key: `submit:${input.user.id}:${exercise.id}`,
    limit: getRateLimit("submissionsPerExercise"),
    message: "submissionRateLimit",
  });

  const attempt = submits.length + 1;
  try {
    const created = await db.submission.create({
      data: {
        ...target,
        courseId: assignment.courseId,
        code: input.code,
        codeBytes,
        seed: randomInt(0, 2 ** 31 - 1),
        status: "queued",
        isLate: deadline.kind === "late",
        latePenalty: deadline.kind === "late" ? deadline.penalty : 0,
        clientToken: input.clientToken,
        attempt,
        receivedAt: now,
      },
      select: { id: true },
    });
    return { id: created.id, duplicate: false };
  } catch (error) {
    // Two requests with the same token raced past the first lookup: the loser returns the winner.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await db.submission.findUnique({
        where: { userId_clientToken: { userId: input.user.id, clientToken: input.clientToken } },
        select: { id: true },
      });
      if (winner) return { id: winner.id, duplicate: true };
    }
    throw error;
  }
}

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

export async function readAttempts(
  db: TDb,
  options: {
    userId: string;
    exerciseId: string;
    assignment: { id: string; maxAttempts: number | null; cooldownSeconds: number | null; loadErrorsCostNoAttempt: boolean };
    now: Date;
  },
): Promise<TAttempts> {
  const { assignment } = options;
  const mine = { userId: options.userId, exerciseId: options.exerciseId, assignmentId: assignment.id, mode: "submit" as const };
  const [used, last] = await Promise.all([
    db.submission.count({
      where: { ...mine, status: { notIn: ["not_gradable"] }, ...(assignment.loadErrorsCostNoAttempt ? { didNotLoad: false } : {}) },
    }),
    assignment.cooldownSeconds
      ? db.submission.findFirst({ where: mine, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } })
      : null,
  ]);
  const cooldownEnd = last && assignment.cooldownSeconds ? last.receivedAt.getTime() + assignment.cooldownSeconds * 1000 : 0;
  return { used, max: assignment.maxAttempts, cooldownEndsAt: cooldownEnd > options.now.getTime() ? new Date(cooldownEnd) : null };
}

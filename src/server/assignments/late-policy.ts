// Deadlines: whether an assignment accepts a submission now, and the late penalty it carries.
// A late penalty is per started day: one minute late costs one day's penalty.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TDeadlinePolicy {
  opensAt: Date;
  dueAt: Date;
  allowLate: boolean;
  /** fraction of the score lost per started day late, 0..1 */
  latePenaltyPerDay: number;
}

export type TDeadlineVerdict =
  | { kind: "not-open" }
  | { kind: "closed" }
  | { kind: "on-time" }
  | { kind: "late"; daysLate: number; penalty: number };

export function evaluateDeadline(policy: TDeadlinePolicy, at: Date): TDeadlineVerdict {
  if (at < policy.opensAt) return { kind: "not-open" };
  if (at <= policy.dueAt) return { kind: "on-time" };
  if (!policy.allowLate) return { kind: "closed" };
  const daysLate = Math.ceil((at.getTime() - policy.dueAt.getTime()) / DAY_MS);
  return { kind: "late", daysLate, penalty: Math.min(1, daysLate * policy.latePenaltyPerDay) };
}

export function applyLatePenalty(score: number, penalty: number): number {
  return Math.max(0, score * (1 - penalty));
}

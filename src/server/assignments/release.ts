// When a student sees what a Submit earned: its score (and pass/fail) and the data of its hidden
// cases are released per assignment, each immediately, after the student's own due date (an
// extension moves it) or when staff publish. Staff always see everything.

/** The values of the database's ReleaseTiming enum. */
export const RELEASE_TIMINGS = ["immediately", "after_due", "on_publish"] as const;
export type TReleaseTiming = (typeof RELEASE_TIMINGS)[number];

/** What a student waits for: their own due date (shown in the assignment's zone), or staff's publish. */
export type TReleaseWait = { kind: "due"; dueAt: string; timeZone: string } | { kind: "publish" };

export interface TReleaseAssignment {
  /** the student's own due date (withEffectiveDueAt) */
  dueAt: Date;
  timeZone: string;
  resultsPublishedAt: Date | null;
}

/** Null when released at `now`, else what the release waits for. */
export function releaseWait(timing: TReleaseTiming, assignment: TReleaseAssignment, now: Date): TReleaseWait | null {
  switch (timing) {
    case "immediately":
      return null;
    // Still "before the due date" at the due instant itself, as evaluateDeadline counts it on time.
    case "after_due":
      return now > assignment.dueAt ? null : { kind: "due", dueAt: assignment.dueAt.toISOString(), timeZone: assignment.timeZone };
    case "on_publish":
      return assignment.resultsPublishedAt !== null && assignment.resultsPublishedAt <= now ? null : { kind: "publish" };
  }
}

/** The moment a release happens by itself (the due date), for scheduling; null when it waits for staff. */
export function releaseAt(timing: TReleaseTiming, assignment: TReleaseAssignment, now: Date): Date | null {
  const wait = releaseWait(timing, assignment, now);
  if (wait === null) return now;
  return wait.kind === "due" ? new Date(wait.dueAt) : null;
}

/** The assignment columns the release rules read (the due date still to be made the student's own). */
export const RELEASE_SELECT = { dueAt: true, timeZone: true, resultsPublishedAt: true, hiddenDetailsRelease: true, scoresRelease: true } as const;

// Permission checks for a student's own work: drafts are private; submissions are visible to
// their author and to the staff of the course they were made in; their scores and the data of
// hidden cases may wait for the assignment's release.
import { canViewCourseAsStaff } from "./course-permissions";
import { canViewStudentWork } from "./instructor-permissions";
import type { TMembership, TSessionUser } from "./roles";
import { releaseWait, type TReleaseAssignment, type TReleaseTiming } from "@/server/assignments/release";

export function canViewDraft(user: TSessionUser, draft: { userId: string }): boolean {
  return draft.userId === user.id;
}

export function canViewSubmission(
  user: TSessionUser,
  submission: { userId: string; courseId: string | null },
  membershipInSubmissionCourse: TMembership | null,
): boolean {
  if (submission.userId === user.id) return true;
  if (submission.courseId === null) return user.role === "admin";
  return canViewCourseAsStaff(user, membershipInSubmissionCourse);
}

type TReleaseTarget<K extends string> = {
  mode: "run" | "submit";
  assignment: (TReleaseAssignment & { [key in K]: TReleaseTiming }) | null;
};

/** Course staff always see everything, and everyone sees sample runs and work outside assignments. */
function isAlwaysShown(user: TSessionUser, membership: TMembership | null, mode: "run" | "submit"): boolean {
  return canViewStudentWork(user, membership) || mode === "run";
}

/**
 * Whether a viewer of a submission (already allowed by canViewSubmission) may see the data of its
 * cases: inputs, expected and returned values. Otherwise a Submit's hidden cases keep their data
 * until the assignment releases it (immediately, after the student's own due date, on publish).
 */
export function canSeeHiddenCaseDetails(user: TSessionUser, membership: TMembership | null, target: TReleaseTarget<"hiddenDetailsRelease">, now: Date): boolean {
  if (isAlwaysShown(user, membership, target.mode) || target.assignment === null) return true;
  return releaseWait(target.assignment.hiddenDetailsRelease, target.assignment, now) === null;
}

/** Whether that viewer may see a Submit's score and verdict yet (the assignment's scoresRelease). */
export function canSeeSubmissionScore(user: TSessionUser, membership: TMembership | null, target: TReleaseTarget<"scoresRelease">, now: Date): boolean {
  if (isAlwaysShown(user, membership, target.mode) || target.assignment === null) return true;
  return releaseWait(target.assignment.scoresRelease, target.assignment, now) === null;
}

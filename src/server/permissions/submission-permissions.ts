// Permission checks for a student's own work: drafts are private; submissions are visible to
// their author and to the staff of the course they were made in; the data of hidden cases may
// wait for the due date.
import { canViewCourseAsStaff } from "./course-permissions";
import { canViewStudentWork } from "./instructor-permissions";
import type { TMembership, TSessionUser } from "./roles";

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

/**
 * Whether a viewer of a submission (already allowed by canViewSubmission) may see the data of its
 * cases: inputs, expected and returned values. Course staff always may, and everyone may for
 * sample runs and outside assignments; otherwise a Submit's hidden cases keep their data until
 * the assignment's due date has passed, unless the instructor shows it earlier.
 */
export function canSeeHiddenCaseDetails(
  user: TSessionUser,
  membershipInSubmissionCourse: TMembership | null,
  target: { mode: "run" | "submit"; assignment: { dueAt: Date; showHiddenDetailsBeforeDue: boolean } | null },
  now: Date,
): boolean {
  if (canViewStudentWork(user, membershipInSubmissionCourse)) return true;
  if (target.mode === "run" || target.assignment === null) return true;
  // Still "before the due date" at the due instant itself, as evaluateDeadline counts it on time.
  return target.assignment.showHiddenDetailsBeforeDue || now > target.assignment.dueAt;
}

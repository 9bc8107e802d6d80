// Permission checks for a student's own work: drafts are private; submissions are visible to
// their author and to the staff of the course they were made in.
import { canViewCourseAsStaff } from "./course-permissions";
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

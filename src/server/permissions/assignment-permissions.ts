// Who may work on an assignment: its course's active members (students, and staff trying it out).
import { canViewCourse, canViewCourseAsStaff } from "./course-permissions";
import type { TMembership, TSessionUser } from "./roles";

/** Before an assignment opens only its course's staff see the exercise and run it, to try it out. */
export function canPreviewUnopenedAssignment(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}

export function canWorkOnAssignment(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourse(user, membership);
}

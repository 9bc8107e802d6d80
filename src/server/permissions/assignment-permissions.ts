// Who may work on an assignment: its course's active members (students, and staff trying it out).
import { canViewCourse } from "./course-permissions";
import type { TMembership, TSessionUser } from "./roles";

export function canWorkOnAssignment(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourse(user, membership);
}

// The site admin's own page: who teaches (granting and revoking the instructor role) and every
// course. Admins only; an admin's own role is never changed from there.
import { isAdmin } from "./course-permissions";
import type { TSessionUser } from "./roles";

export function canManageInstructors(user: TSessionUser): boolean {
  return isAdmin(user);
}

export function canListAllCourses(user: TSessionUser): boolean {
  return isAdmin(user);
}

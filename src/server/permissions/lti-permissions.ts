// Permission checks of the LMS integration (issue 15).
import { canManageCourse, isAdmin } from "./course-permissions";
import type { TMembership, TSessionUser } from "./roles";

/** Registering an LMS trusts its keys for sign-ins to any account it creates: admins only. */
export function canRegisterLtiPlatform(user: TSessionUser): boolean {
  return isAdmin(user);
}

/** Answering an LMS's content picker (deep linking) with one of the course's assignments. */
export function canLinkLtiContent(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/** Seeing the grade sync state and resending scores to the LMS. */
export function canManageLtiGradeSync(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

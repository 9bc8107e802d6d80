// What an account may do before and after its email address is confirmed, and who reads the mail outbox.
import { isAdmin } from "./course-permissions";
import type { TSessionUser } from "./roles";

/** An unconfirmed address could be a classmate's, registered first: such an account joins no course. */
export function canJoinCourses(account: { emailVerified: boolean }): boolean {
  return account.emailVerified;
}

/** The outbox holds password-reset links: admins only. */
export function canReadOutbox(user: TSessionUser): boolean {
  return isAdmin(user);
}

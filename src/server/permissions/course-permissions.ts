// Permission checks for courses, as named functions that take what the caller loaded.
// Admins may do everything; a course's staff are its TAs and instructors.
import type { TMembership, TSessionUser } from "./roles";

export function isAdmin(user: TSessionUser): boolean {
  return user.role === "admin";
}

export function canCreateCourse(user: TSessionUser): boolean {
  return user.role === "instructor" || user.role === "admin";
}

export function canViewCourse(user: TSessionUser, membership: TMembership | null): boolean {
  return isAdmin(user) || membership !== null;
}

/** Staff pages: progress matrix, analytics, other students' submissions. */
export function canViewCourseAsStaff(user: TSessionUser, membership: TMembership | null): boolean {
  return isAdmin(user) || membership?.role === "instructor" || membership?.role === "ta";
}

/** Editing the course, its assignments and roster, exporting grades, regrading. */
export function canManageCourse(user: TSessionUser, membership: TMembership | null): boolean {
  return isAdmin(user) || membership?.role === "instructor";
}

/** Whether the user sees any instructor page at all (the course list for staff). */
export function canOpenInstructorArea(user: TSessionUser, staffCourseCount: number): boolean {
  return isAdmin(user) || user.role === "instructor" || staffCourseCount > 0;
}

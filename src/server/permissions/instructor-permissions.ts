// Permission checks of the instructor area. Course staff (TAs and instructors) may look at
// everything about their course; only instructors (and admins) may change it, export its grades
// or regrade its submissions.
import { canManageCourse, canViewCourseAsStaff } from "./course-permissions";
import type { TCourseRole, TMembership, TSessionUser } from "./roles";

/** The course page, its roster and its assignments' settings, read-only. */
export function canViewCourseAdmin(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}

/** The progress matrix and any student's submissions in the course. */
export function canViewStudentWork(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}

export function canViewAnalytics(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}

/** Which students made one diagnosed mistake, by name: student work, so course staff only (TAs too). */
export function canViewMistakeStudents(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewStudentWork(user, membership);
}

/** Title, description and join code. */
export function canEditCourse(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

export function canManageAssignments(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/** Adding back, promoting and removing people; the checks below narrow it per person. */
export function canManageRoster(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/**
 * Nobody changes their own role: an instructor demoting themselves could leave the course with no
 * one able to manage it, and a TA cannot promote themselves (they cannot manage the roster anyway).
 */
export function canChangeEnrollmentRole(user: TSessionUser, membership: TMembership | null, target: { userId: string }): boolean {
  return canManageRoster(user, membership) && target.userId !== user.id;
}

/** Only students are removed; staff are first given the student role, which keeps removal a deliberate two-step act. */
export function canRemoveStudent(user: TSessionUser, membership: TMembership | null, target: { userId: string; role: TCourseRole }): boolean {
  return canManageRoster(user, membership) && target.role === "student" && target.userId !== user.id;
}

/** Bringing back a removed student (they cannot rejoin by code on their own). */
export function canRestoreStudent(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageRoster(user, membership);
}

export function canExportGrades(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

export function canStartRegrade(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/** TAs follow regrades and read their reports. */
export function canViewRegradeJob(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}

/** Extensions, "excused" marks and their removal; TAs see them read-only (canViewCourseAdmin). */
export function canGrantExtensions(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/** Setting a student's score by hand: instructors always, TAs when the course's instructors allow it. */
export function canOverrideScores(user: TSessionUser, membership: TMembership | null, course: { taMayOverrideScores: boolean }): boolean {
  if (canManageCourse(user, membership)) return true;
  return membership?.role === "ta" && course.taMayOverrideScores;
}

/** Similarity reports are evidence about named students: the course's instructors start them. */
export function canStartSimilarityReport(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

/** TAs read similarity reports; students never see them. */
export function canViewSimilarityReport(user: TSessionUser, membership: TMembership | null): boolean {
  return canViewCourseAsStaff(user, membership);
}
/** Publishing an assignment's results to its students, and taking them back. */
export function canPublishResults(user: TSessionUser, membership: TMembership | null): boolean {
  return canManageCourse(user, membership);
}

import { describe, expect, it } from "vitest";
import { canCreateCourse, canManageCourse, canOpenInstructorArea, canViewCourse, canViewCourseAsStaff } from "./course-permissions";
import type { TMembership, TSessionUser } from "./roles";
import { canSeeHiddenCaseDetails,
  canSeeSubmissionScore, canViewDraft, canViewSubmission } from "./submission-permissions";

const student: TSessionUser = { id: "s1", email: "s1@x.test", name: "S1", role: "student" };
const otherStudent: TSessionUser = { id: "s2", email: "s2@x.test", name: "S2", role: "student" };
const instructor: TSessionUser = { id: "i1", email: "i1@x.test", name: "I1", role: "instructor" };
const admin: TSessionUser = { id: "a1", email: "a1@x.test", name: "A1", role: "admin" };
const asStudent: TMembership = { courseId: "c1", role: "student" };
const asTa: TMembership = { courseId: "c1", role: "ta" };
const asInstructor: TMembership = { courseId: "c1", role: "instructor" };

describe("course permissions", () => {
  it("lets only members and admins view a course", () => {
    expect(canViewCourse(student, asStudent)).toBe(true);
    expect(canViewCourse(student, null)).toBe(false);
    expect(canViewCourse(admin, null)).toBe(true);
  });

  it("keeps staff pages from students, including students with a global instructor role elsewhere", () => {
    expect(canViewCourseAsStaff(student, asStudent)).toBe(false);
    expect(canViewCourseAsStaff(instructor, asStudent)).toBe(false);
    expect(canViewCourseAsStaff(instructor, null)).toBe(false);
    expect(canViewCourseAsStaff(student, asTa)).toBe(true);
    expect(canViewCourseAsStaff(instructor, asInstructor)).toBe(true);
  });

  it("lets TAs view but not manage", () => {
    expect(canManageCourse(student, asTa)).toBe(false);
    expect(canManageCourse(instructor, asInstructor)).toBe(true);
    expect(canManageCourse(admin, null)).toBe(true);
  });

  it("lets only instructors and admins create courses and open the instructor area", () => {
    expect(canCreateCourse(student)).toBe(false);
    expect(canCreateCourse(instructor)).toBe(true);
    expect(canOpenInstructorArea(student, 0)).toBe(false);
    expect(canOpenInstructorArea(student, 1)).toBe(true);
    expect(canOpenInstructorArea(instructor, 0)).toBe(true);
  });
});

describe("submission permissions", () => {
  const mine = { userId: "s1", courseId: "c1" };

  it("shows a draft only to its author", () => {
    expect(canViewDraft(student, { userId: "s1" })).toBe(true);
    expect(canViewDraft(otherStudent, { userId: "s1" })).toBe(false);
    expect(canViewDraft(instructor, { userId: "s1" })).toBe(false);
  });

  it("shows a submission to its author and the course staff, never to another student", () => {
    expect(canViewSubmission(student, mine, asStudent)).toBe(true);
    expect(canViewSubmission(otherStudent, mine, asStudent)).toBe(false);
    expect(canViewSubmission(instructor, mine, asInstructor)).toBe(true);
    expect(canViewSubmission(instructor, mine, null)).toBe(false);
    expect(canViewSubmission(admin, mine, null)).toBe(true);
  });

  it("shows a practice submission outside any course only to its author and admins", () => {
    const practice = { userId: "s1", courseId: null };
    expect(canViewSubmission(student, practice, null)).toBe(true);
    expect(canViewSubmission(instructor, practice, null)).toBe(false);
    expect(canViewSubmission(admin, practice, null)).toBe(true);
  });
});

describe("hidden case details", () => {
  const dueAt = new Date("2026-03-01T15:59:00Z");
  const before = new Date("2026-03-01T15:58:00Z");
  const after = new Date("2026-03-01T16:00:00Z");
  const release = { dueAt, timeZone: "UTC", resultsPublishedAt: null, hiddenDetailsRelease: "after_due" as const, scoresRelease: "after_due" as const };
  const hiding = { mode: "submit" as const, assignment: release };
  const ta: TSessionUser = { id: "t1", email: "t1@x.test", name: "T1", role: "student" };

  it("keeps a student's Submit data hidden until the due date has passed", () => {
    expect(canSeeHiddenCaseDetails(student, asStudent, hiding, before)).toBe(false);
    expect(canSeeHiddenCaseDetails(student, asStudent, hiding, dueAt)).toBe(false);
    expect(canSeeHiddenCaseDetails(student, asStudent, hiding, after)).toBe(true);
  });

  it("shows it before the due date when the instructor chose so, and always for runs and practice", () => {
    expect(canSeeHiddenCaseDetails(student, asStudent, { ...hiding, assignment: { ...release, hiddenDetailsRelease: "immediately" } }, before)).toBe(true);
    expect(canSeeHiddenCaseDetails(student, asStudent, { ...hiding, mode: "run" }, before)).toBe(true);
    expect(canSeeHiddenCaseDetails(student, null, { mode: "submit", assignment: null }, before)).toBe(true);
  });

  it("always shows it to the course staff and admins, never because of a global role alone", () => {
    expect(canSeeHiddenCaseDetails(instructor, asInstructor, hiding, before)).toBe(true);
    expect(canSeeHiddenCaseDetails(ta, asTa, hiding, before)).toBe(true);
    expect(canSeeHiddenCaseDetails(admin, null, hiding, before)).toBe(true);
    expect(canSeeHiddenCaseDetails(instructor, asStudent, hiding, before)).toBe(false);
  });

  it("releases on publish only from the publish instant, for details and scores alike", () => {
    const onPublish = { ...release, hiddenDetailsRelease: "on_publish" as const, scoresRelease: "on_publish" as const };
    expect(canSeeHiddenCaseDetails(student, asStudent, { ...hiding, assignment: onPublish }, after)).toBe(false);
    expect(canSeeSubmissionScore(student, asStudent, { ...hiding, assignment: onPublish }, after)).toBe(false);
    const published = { ...onPublish, resultsPublishedAt: before };
    expect(canSeeHiddenCaseDetails(student, asStudent, { ...hiding, assignment: published }, dueAt)).toBe(true);
    expect(canSeeSubmissionScore(student, asStudent, { ...hiding, assignment: published }, dueAt)).toBe(true);
    expect(canSeeSubmissionScore(ta, asTa, { ...hiding, assignment: onPublish }, after)).toBe(true);
  });

  it("keeps a score back until the due date with scoresRelease after_due", () => {
    expect(canSeeSubmissionScore(student, asStudent, hiding, dueAt)).toBe(false);
    expect(canSeeSubmissionScore(student, asStudent, hiding, after)).toBe(true);
    expect(canSeeSubmissionScore(student, asStudent, { ...hiding, assignment: { ...release, scoresRelease: "immediately" } }, before)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  canChangeEnrollmentRole,
  canExportGrades,
  canRemoveStudent,
  canRestoreStudent,
  canStartRegrade,
  canViewRegradeJob,
  canViewStudentWork,
} from "./instructor-permissions";
import type { TMembership, TSessionUser } from "./roles";

const instructor: TSessionUser = { id: "i1", email: "i1@x.test", name: "I1", role: "instructor" };
const ta: TSessionUser = { id: "t1", email: "t1@x.test", name: "T1", role: "student" };
const student: TSessionUser = { id: "s1", email: "s1@x.test", name: "S1", role: "student" };
const admin: TSessionUser = { id: "a1", email: "a1@x.test", name: "A1", role: "admin" };
const asInstructor: TMembership = { courseId: "c1", role: "instructor" };
const asTa: TMembership = { courseId: "c1", role: "ta" };
const asStudent: TMembership = { courseId: "c1", role: "student" };

describe("instructor permissions", () => {
  it("let staff see students' work and regrade reports, but not students", () => {
    for (const check of [canViewStudentWork, canViewRegradeJob]) {
      expect(check(ta, asTa)).toBe(true);
      expect(check(instructor, asInstructor)).toBe(true);
      expect(check(student, asStudent)).toBe(false);
      expect(check(instructor, null)).toBe(false);
    }
  });

  it("keep grade export, regrades and the roster to instructors and admins", () => {
    for (const check of [canExportGrades, canStartRegrade, canRestoreStudent]) {
      expect(check(ta, asTa)).toBe(false);
      expect(check(instructor, asInstructor)).toBe(true);
      expect(check(admin, null)).toBe(true);
    }
  });

  it("never let anyone change their own role", () => {
    expect(canChangeEnrollmentRole(instructor, asInstructor, { userId: "s1" })).toBe(true);
    expect(canChangeEnrollmentRole(instructor, asInstructor, { userId: "i1" })).toBe(false);
    expect(canChangeEnrollmentRole(ta, asTa, { userId: "s1" })).toBe(false);
  });

  it("remove only students, and never oneself", () => {
    expect(canRemoveStudent(instructor, asInstructor, { userId: "s1", role: "student" })).toBe(true);
    expect(canRemoveStudent(instructor, asInstructor, { userId: "t1", role: "ta" })).toBe(false);
    expect(canRemoveStudent(admin, null, { userId: "a1", role: "student" })).toBe(false);
  });
});

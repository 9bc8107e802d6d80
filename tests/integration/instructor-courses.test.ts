// Courses, join codes, the roster and assignments as instructors manage them, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCourseCode } from "@/server/courses/course-code";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { readAssignmentForm } from "@/server/assignments/assignment-schemas";
import { changeEnrollmentRole } from "@/server/roster/change-enrollment-role";
import { createAssignment } from "@/server/assignments/create-assignment";
import { createCourse } from "@/server/courses/create-course";
import { getAssignmentSettings } from "@/server/assignments/get-assignment-settings";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { listRoster } from "@/server/roster/list-roster";
import { regenerateCourseCode } from "@/server/courses/regenerate-course-code";
import { removeStudent } from "@/server/roster/remove-student";
import { restoreStudent } from "@/server/roster/restore-student";
import { updateAssignment } from "@/server/assignments/update-assignment";
import { updateCourse } from "@/server/courses/update-course";
import { getMembership } from "@/server/roster/get-membership";
import { createTestDatabase, createUser, createWorld, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let w: TWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await createWorld(db);
});

afterAll(async () => {
  await database?.drop();
});

async function errorOf(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("courses", () => {
  it("are created with a valid join code and their creator as instructor", async () => {
    const creator = await createUser(db, "Creator", "instructor");
    const course = await createCourse(db, { user: creator, input: { title: "Vision 101", description: "Convolutions." } });
    expect(ZCourseCode.parse(course.code)).toBe(course.code);
    expect(course.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(await getMembership(db, { userId: creator.id, courseId: course.id })).toEqual({ courseId: course.id, role: "instructor" });
    const overview = await getCourseOverview(db, { user: creator, courseId: course.id });
    expect(overview).toMatchObject({ title: "Vision 101", description: "Convolutions.", code: course.code, studentCount: 0, assignments: [] });
    expect(overview.can).toEqual({ edit: true, manageAssignments: true, exportGrades: true, regrade: true });
  });

  it("are edited, and a regenerated code replaces the old one", async () => {
    await updateCourse(db, { user: w.instructor, courseId: w.courseId, input: { title: "Deep Learning 2026", description: null } });
    const before = await db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    const { code } = await regenerateCourseCode(db, { user: w.instructor, courseId: w.courseId });
    expect(code).not.toBe(before.code);
    expect(await db.course.findUnique({ where: { code: before.code } })).toBeNull();
    expect(await db.course.findUniqueOrThrow({ where: { code } })).toMatchObject({ id: w.courseId, title: "Deep Learning 2026", description: null });
  });

  it("show a TA the course without the right to change it", async () => {
    const overview = await getCourseOverview(db, { user: w.ta, courseId: w.courseId });
    expect(overview.studentCount).toBe(2);
    expect(overview.assignments.map((a) => a.title)).toEqual(["Homework 1"]);
    expect(overview.can).toEqual({ edit: false, manageAssignments: false, exportGrades: false, regrade: false });
  });
});

describe("the roster", () => {
  it("lists staff first and says what the viewer may do to each person", async () => {
    const roster = await listRoster(db, { user: w.instructor, courseId: w.courseId });
    expect(roster.map((r) => [r.name, r.role])).toEqual([
      ["Ina Instructor", "instructor"],
      ["Tao TA", "ta"],
      ["Ada Student", "student"],
      ["Ben Student", "student"],
    ]);
    expect(roster.find((r) => r.userId === w.instructor.id)!.can).toEqual({ changeRole: false, remove: false, restore: false });
    expect(roster.find((r) => r.userId === w.ta.id)!.can).toEqual({ changeRole: true, remove: false, restore: false });
    expect(roster.find((r) => r.userId === w.student.id)!.can).toEqual({ changeRole: true, remove: true, restore: false });
    const asTa = await listRoster(db, { user: w.ta, courseId: w.courseId });
    expect(asTa.every((r) => !r.can.changeRole && !r.can.remove && !r.can.restore)).toBe(true);
  });

  it("changes roles, but nobody's own", async () => {
    await changeEnrollmentRole(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id, role: "ta" });
    expect(await getMembership(db, { userId: w.otherStudent.id, courseId: w.courseId })).toMatchObject({ role: "ta" });
    await changeEnrollmentRole(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id, role: "student" });
    const own = await errorOf(() => changeEnrollmentRole(db, { user: w.instructor, courseId: w.courseId, userId: w.instructor.id, role: "student" }));
    expect([own.code, own.message]).toEqual(["forbidden", "You cannot change your own role. Ask another instructor."]);
    const stranger = await createUser(db, "Stranger");
    expect((await errorOf(() => changeEnrollmentRole(db, { user: w.instructor, courseId: w.courseId, userId: stranger.id, role: "ta" }))).code).toBe("not_found");
  });

  it("removes a student, keeping their submissions, and brings them back", async () => {
    const submission = await db.submission.create({
      data: { userId: w.otherStudent.id, exerciseId: w.exerciseIds["conv2d"]!, assignmentId: w.assignmentId, courseId: w.courseId, code: "x", seed: 1, mode: "submit" },
    });
    await removeStudent(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id });
    expect(await getMembership(db, { userId: w.otherStudent.id, courseId: w.courseId })).toBeNull();
    expect(await db.submission.findUnique({ where: { id: submission.id } })).not.toBeNull();
    const roster = await listRoster(db, { user: w.instructor, courseId: w.courseId });
    expect(roster.at(-1)).toMatchObject({ userId: w.otherStudent.id, can: { changeRole: false, remove: false, restore: true } });
    expect(roster.at(-1)!.removedAt).not.toBeNull();
    expect((await getCourseOverview(db, { user: w.instructor, courseId: w.courseId })).studentCount).toBe(1);

    await restoreStudent(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id });
    expect(await getMembership(db, { userId: w.otherStudent.id, courseId: w.courseId })).toEqual({ courseId: w.courseId, role: "student" });
    expect((await errorOf(() => restoreStudent(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id }))).code).toBe("not_found");
  });

  it("removes only students", async () => {
    const error = await errorOf(() => removeStudent(db, { user: w.instructor, courseId: w.courseId, userId: w.ta.id }));
    expect(error.code).toBe("forbidden");
    expect(await getMembership(db, { userId: w.ta.id, courseId: w.courseId })).toMatchObject({ role: "ta" });
  });
});

describe("assignments", () => {
  function form(fields: Record<string, string | string[]>): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
    return data;
  }

  it("are stored in UTC with their zone and shown back in it", async () => {
    const settings = readAssignmentForm(
      form({
        title: "Homework 2",
        exerciseIds: [w.exerciseIds["conv2d"]!, w.exerciseIds["convolution"]!],
        opensAt: "2026-11-01T08:00",
        dueAt: "2026-11-15T23:59",
        timeZone: "Europe/Berlin",
        allowLate: "on",
        latePenaltyPercent: "12.5",
        cooldownSeconds: "60",
        maxAttempts: "",
        scoresRelease: "on_publish",
        hiddenDetailsRelease: "immediately",
      }),
    );
    const { id } = await createAssignment(db, { user: w.instructor, courseId: w.courseId, settings });
    const stored = await db.assignment.findUniqueOrThrow({ where: { id }, include: { exercises: { orderBy: { order: "asc" } } } });
    expect(stored).toMatchObject({
      courseId: w.courseId,
      opensAt: new Date("2026-11-01T07:00:00Z"),
      dueAt: new Date("2026-11-15T22:59:00Z"),
      timeZone: "Europe/Berlin",
      allowLate: true,
      latePenaltyPerDay: 0.125,
      cooldownSeconds: 60,
      maxAttempts: null,
      // an unticked checkbox is absent from the form: the instructor turned the option off
      loadErrorsCostNoAttempt: false,
      scoresRelease: "on_publish",
      hiddenDetailsRelease: "immediately",
    });
    expect(stored.exercises.map((e) => e.exerciseId)).toEqual([w.exerciseIds["conv2d"], w.exerciseIds["convolution"]]);
    expect(await getAssignmentSettings(db, { user: w.instructor, courseId: w.courseId, assignmentId: id })).toMatchObject({
      opensAt: "2026-11-01T08:00",
      dueAt: "2026-11-15T23:59",
      latePenaltyPercent: 12.5,
      exerciseIds: [w.exerciseIds["conv2d"], w.exerciseIds["convolution"]],
    });
  });

  it("are updated, exercises replaced and reordered", async () => {
    const base = {
      title: "Quiz",
      exerciseIds: [w.exerciseIds["conv2d"]!, w.exerciseIds["max-pool2d"]!],
      opensAt: new Date("2026-11-01T00:00:00Z"),
      dueAt: new Date("2026-11-02T00:00:00Z"),
      timeZone: "UTC",
      allowLate: false,
      latePenaltyPerDay: 0,
      cooldownSeconds: null,
      maxAttempts: 3,
      loadErrorsCostNoAttempt: true,
      scoresRelease: "immediately" as const,
      hiddenDetailsRelease: "after_due" as const,
    };
    const { id } = await createAssignment(db, { user: w.instructor, courseId: w.courseId, settings: base });
    await updateAssignment(db, {
      user: w.instructor,
      courseId: w.courseId,
      assignmentId: id,
      settings: { ...base, title: "Quiz 1", maxAttempts: null, exerciseIds: [w.exerciseIds["avg-pool2d"]!, w.exerciseIds["conv2d"]!] },
    });
    const stored = await db.assignment.findUniqueOrThrow({ where: { id }, include: { exercises: { orderBy: { order: "asc" } } } });
    expect(stored).toMatchObject({ title: "Quiz 1", maxAttempts: null });
    expect(stored.exercises.map((e) => e.exerciseId)).toEqual([w.exerciseIds["avg-pool2d"], w.exerciseIds["conv2d"]]);
  });

  it("refuse an exercise that does not exist and write nothing", async () => {
    const before = await db.assignment.count();
    const error = await errorOf(() =>
      createAssignment(db, {
        user: w.instructor,
        courseId: w.courseId,
        settings: {
          title: "Broken",
          exerciseIds: ["no-such-exercise"],
          opensAt: new Date("2026-11-01T00:00:00Z"),
          dueAt: new Date("2026-11-02T00:00:00Z"),
          timeZone: "UTC",
          allowLate: false,
          latePenaltyPerDay: 0,
          cooldownSeconds: null,
          maxAttempts: null,
          loadErrorsCostNoAttempt: true,
          scoresRelease: "immediately" as const,
          hiddenDetailsRelease: "after_due" as const,
        },
      }),
    );
    expect(error.code).toBe("validation");
    expect(await db.assignment.count()).toBe(before);
  });
});

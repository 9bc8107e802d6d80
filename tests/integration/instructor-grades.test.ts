// The progress matrix, exercise analytics and grade export over submissions graded through the
// real sandbox, including late work whose penalty must show in the exported score.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { createAssignment } from "@/server/assignments/create-assignment";
import { exportGrades } from "@/server/grades/export-grades";
import { getExerciseAnalytics } from "@/server/grades/get-exercise-analytics";
import { getProgressMatrix } from "@/server/grades/get-progress-matrix";
import { listMistakeStudents } from "@/server/grades/list-mistake-students";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { removeStudent } from "@/server/roster/remove-student";
import { createTestDatabase, createUser, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let lateAssignmentId: string;
const now = Date.now();
const dueAt = new Date(now - 36 * 60 * 60 * 1000);

const SOLUTION = readExerciseSource("conv-output-shape", "solution.py");
const BUGGY = readExerciseSource("conv-output-shape", "buggy/formula-without-plus-one.py");
const STARTER = readExerciseSource("convolution", "starter.py");

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  ({ id: lateAssignmentId } = await createAssignment(db, {
    user: w.instructor,
    courseId: w.courseId,
    settings: {
      title: "Late homework",
      exerciseIds: [w.exerciseIds["conv-output-shape"]!, w.exerciseIds["convolution"]!],
      opensAt: new Date(now - 10 * DAY_MS),
      dueAt,
      timeZone: "Asia/Shanghai",
      allowLate: true,
      latePenaltyPerDay: 0.1,
      cooldownSeconds: null,
      maxAttempts: null,
      loadErrorsCostNoAttempt: true,
      scoresRelease: "immediately" as const,
      hiddenDetailsRelease: "after_due" as const,
    },
  }));
  const late = { assignmentId: lateAssignmentId };
  // Ada: right but 36 hours late (two started days: 20 % off), then a wrong late attempt; the
  // starter of the second exercise.
  await submitAndGrade(db, runner, { ...late, user: w.student, slug: "conv-output-shape", code: SOLUTION, now: new Date(now) });
  await submitAndGrade(db, runner, { ...late, user: w.student, slug: "conv-output-shape", code: BUGGY, now: new Date(now + 1000) });
  await submitAndGrade(db, runner, { ...late, user: w.student, slug: "convolution", code: STARTER, now: new Date(now + 2000) });
  // Ben: wrong, then right 30 minutes later, both before the deadline.
  await submitAndGrade(db, runner, { ...late, user: w.otherStudent, slug: "conv-output-shape", code: BUGGY, now: new Date(dueAt.getTime() - 60 * 60 * 1000) });
  await submitAndGrade(db, runner, { ...late, user: w.otherStudent, slug: "conv-output-shape", code: SOLUTION, now: new Date(dueAt.getTime() - 30 * 60 * 1000) });
  // Ada also finishes the first exercise of Homework 1 on time.
  await submitAndGrade(db, runner, { assignmentId: w.assignmentId, user: w.student, slug: "conv-output-shape", code: SOLUTION });
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

describe("the progress matrix", () => {
  it("shows each student's best score, attempts and whether it was late", async () => {
    const matrix = await getProgressMatrix(db, { user: w.ta, courseId: w.courseId, assignmentId: lateAssignmentId });
    expect(matrix.exercises.map((e) => [e.slug, e.points])).toEqual([
      ["conv-output-shape", 5],
      ["convolution", 10],
    ]);
    expect(matrix.maxTotal).toBe(15);
    expect(matrix.rows.map((r) => r.name)).toEqual(["Ada Student", "Ben Student"]);
    const [ada, ben] = matrix.rows;
    expect(ada!.cells).toEqual([
      { bestScore: 4, attempts: 2, pending: 0, isLate: true, hasPassed: true, override: null },
      { bestScore: 0, attempts: 1, pending: 0, isLate: true, hasPassed: false, override: null },
    ]);
    expect(ada!.total).toBe(4);
    expect(ben!.cells[0]).toEqual({ bestScore: 5, attempts: 2, pending: 0, isLate: false, hasPassed: true, override: null });
    expect(ben!.cells[1]).toEqual({ bestScore: null, attempts: 0, pending: 0, isLate: false, hasPassed: false, override: null });
  });

  it("opens one student's submissions with code and results, newest first", async () => {
    const view = await listStudentExerciseSubmissions(db, {
      user: w.instructor,
      courseId: w.courseId,
      assignmentId: lateAssignmentId,
      studentId: w.otherStudent.id,
      slug: "conv-output-shape",
    });
    expect(view.student.name).toBe("Ben Student");
    expect(view.submissions.map((s) => [s.status, s.score, s.attempt])).toEqual([
      ["passed", 5, 2],
      ["failed", expect.any(Number), 1],
    ]);
    expect(view.submissions[0]!.code).toBe(SOLUTION);
    expect(view.submissions[1]!.result?.diagnoses.map((d) => d.code)).toContain("formula-without-plus-one");
  });
});

describe("exercise analytics", () => {
  it("count pass rate, attempts and time to pass, and the commonest mistakes", async () => {
    const analytics = await getExerciseAnalytics(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateAssignmentId });
    expect(analytics.studentCount).toBe(2);
    const [shape, convolution] = analytics.exercises;
    expect(shape!.stats).toMatchObject({ attemptedCount: 2, passedCount: 2, passRate: 1, medianAttemptsToPass: 1.5, medianMinutesToPass: 15 });
    expect(shape!.stats.attemptsToPass.filter((b) => b.students > 0)).toEqual([
      { bucket: "1", students: 1 },
      { bucket: "2", students: 1 },
    ]);
    expect(shape!.stats.timeToPass.filter((b) => b.students > 0)).toEqual([
      { bucket: "first-try", students: 1 },
      { bucket: "10m-1h", students: 1 },
    ]);
    expect(shape!.stats.diagnoses[0]).toMatchObject({ code: "formula-without-plus-one", students: 2, submissions: 2 });
    expect(convolution!.stats).toMatchObject({ attemptedCount: 1, passedCount: 0, passRate: 0, medianAttemptsToPass: null });
  });
});

describe("the mistake drill-down", () => {
  const mistake = { slug: "conv-output-shape", code: "formula-without-plus-one" };

  it("lists each student who made the mistake with their latest such submission and whether it is still there", async () => {
    const view = await listMistakeStudents(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateAssignmentId, ...mistake });
    expect(view.exercise.slug).toBe("conv-output-shape");
    expect(view.message?.code).toBe("conv-output-shape.mistake.formula-without-plus-one");
    const submissions = await db.submission.findMany({
      where: { assignmentId: lateAssignmentId, exerciseId: w.exerciseIds["conv-output-shape"]! },
      orderBy: { receivedAt: "asc" },
      select: { id: true, userId: true },
    });
    const adaBuggy = submissions.filter((s) => s.userId === w.student.id)[1]!.id;
    const benBuggy = submissions.filter((s) => s.userId === w.otherStudent.id)[0]!.id;
    // Ada passed, then made the mistake in her latest submission; Ben made it, then passed.
    expect(view.students.map((s) => ({ name: s.name, submissions: s.submissions, latest: s.latest.submissionId, state: s.state }))).toEqual([
      { name: "Ada Student", submissions: 1, latest: adaBuggy, state: "still" },
      { name: "Ben Student", submissions: 1, latest: benBuggy, state: "passed" },
    ]);
  });

  it("lists nobody for a mistake nobody made, and refuses an exercise outside the assignment", async () => {
    const none = await listMistakeStudents(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateAssignmentId, slug: "convolution", code: "flipped-kernel" });
    expect(none).toMatchObject({ students: [], message: null });
    await expect(
      listMistakeStudents(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateAssignmentId, slug: "max-pool2d", code: "padding-ignored" }),
    ).rejects.toMatchObject({ code: "not_found", key: "exerciseNotInAssignment" });
  });

  it("is open to the course's TA and closed, as not found, to students and other courses' staff", async () => {
    const ask = (user: typeof w.ta, courseId = w.courseId) => listMistakeStudents(db, { user, courseId, assignmentId: lateAssignmentId, ...mistake });
    expect((await ask(w.ta)).students).toHaveLength(2);
    await expect(ask(w.student)).rejects.toMatchObject({ code: "not_found" });
    await expect(ask(w.otherInstructor)).rejects.toMatchObject({ code: "not_found" });
    // The other course's instructor asking through their own course: the assignment is not in it.
    await expect(ask(w.otherInstructor, w.otherCourseId)).rejects.toMatchObject({ code: "not_found", key: "assignmentNotFound" });
  });
});

describe("the grade export", () => {
  function parse(csv: string): string[][] {
    return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  }

  it("has each current student's final score per assignment, after late penalties", async () => {
    const { filename, csv } = await exportGrades(db, { user: w.instructor, courseId: w.courseId, now: new Date("2026-12-01T10:00:00Z") });
    const course = await db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    expect(filename).toBe(`convlab-grades-${course.code}-2026-12-01.csv`);
    // The per-exercise columns that follow are checked in instructor-exports.test.ts. Ben has
    // nothing in Homework 1, which is not due yet: blank, not 0.
    expect(parse(csv).map((row) => row.slice(0, 4))).toEqual([
      ["Name", "Email", "Late homework", "Homework 1"],
      ["Ada Student", w.student.email, "4", "5"],
      ["Ben Student", w.otherStudent.email, "5", ""],
    ]);
  });

  it("leaves out removed students and staff, and neutralises formulas in names", async () => {
    const mallory = await createUser(db, '=HYPERLINK("http://evil.test","click")');
    await db.enrollment.create({ data: { courseId: w.courseId, userId: mallory.id, role: "student" } });
    await removeStudent(db, { user: w.instructor, courseId: w.courseId, userId: w.otherStudent.id });
    const rows = parse((await exportGrades(db, { user: w.admin, courseId: w.courseId })).csv);
    expect(rows.map((r) => r[0]).sort()).toEqual(["'=HYPERLINK(\"http://evil.test\",\"click\")", "Ada Student", "Name"]);
  });
});

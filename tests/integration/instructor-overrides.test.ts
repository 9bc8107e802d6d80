// Scores set by hand (issue 16): staff set a student's score on an exercise with a required comment
// the student sees; it counts in the matrix and the export (marked there), survives a regrade, and
// TAs may set it only when the course allows. Bad input changes nothing.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { getExerciseWorkspace } from "@/server/assignments/get-exercise-workspace";
import { updateCourse } from "@/server/courses/update-course";
import { AppError } from "@/server/errors";
import { exportGrades } from "@/server/grades/export-grades";
import { getProgressMatrix } from "@/server/grades/get-progress-matrix";
import { ZScoreOverrideInput } from "@/server/overrides/override-schemas";
import { setScoreOverride } from "@/server/overrides/set-score-override";
import { createRegradeJob } from "@/server/regrades/create-regrade-job";
import { runRegradeJob } from "@/server/regrades/run-regrade-job";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { createTestDatabase, createWorld, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
const SLUG = "conv-output-shape";
const BUGGY = readExerciseSource(SLUG, "buggy/formula-without-plus-one.py");

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const target = () => ({ courseId: w.courseId, assignmentId: w.assignmentId, studentId: w.student.id, slug: SLUG });
const input = (score: string, comment: string) => ZScoreOverrideInput.parse({ score, comment });

async function matrixCell() {
  const matrix = await getProgressMatrix(db, { user: w.instructor, courseId: w.courseId, assignmentId: w.assignmentId });
  const index = matrix.exercises.findIndex((e) => e.slug === SLUG);
  return matrix.rows.find((r) => r.userId === w.student.id)!.cells[index]!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  await submitAndGrade(db, runner, { user: w.student, assignmentId: w.assignmentId, slug: SLUG, code: BUGGY });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

describe("setting a score by hand", () => {
  it("requires a comment and a number of points", () => {
    expect(ZScoreOverrideInput.safeParse({ score: "3", comment: "  " }).error?.issues[0]?.message).toBe("overrideCommentRequired");
    expect(ZScoreOverrideInput.safeParse({ score: "-1", comment: "x" }).error?.issues[0]?.message).toBe("overrideScoreInvalid");
    expect(ZScoreOverrideInput.safeParse({ score: "abc", comment: "x" }).error?.issues[0]?.message).toBe("overrideScoreInvalid");
  });

  it("refuses a score above the exercise's points, and writes nothing", async () => {
    const error = await refusal(setScoreOverride(db, { ...target(), user: w.instructor, input: input("6", "Generous") }));
    expect(error.messageFor("en")).toBe("6 is more than this exercise is worth (5 points). Nothing was changed.");
    expect(await db.scoreOverride.count()).toBe(0);
  });

  it("refuses a TA unless the course allows it, and another course's instructor sees nothing", async () => {
    expect((await refusal(setScoreOverride(db, { ...target(), user: w.ta, input: input("3", "x") }))).code).toBe("forbidden");
    expect((await refusal(setScoreOverride(db, { ...target(), user: w.otherInstructor, input: input("3", "x") }))).code).toBe("not_found");
    expect((await listStudentExerciseSubmissions(db, { ...target(), user: w.ta })).can.override).toBe(false);
    expect(await db.scoreOverride.count()).toBe(0);
  });

  it("counts instead of the submissions in the matrix, the export and the student's page, marked as set by hand", async () => {
    const before = await matrixCell();
    expect(before.bestScore).not.toBe(4.5);
    await setScoreOverride(db, { ...target(), user: w.instructor, input: input("4.5", "Your formula was right on paper; the +1 was a typo.") });

    expect(await matrixCell()).toMatchObject({ bestScore: 4.5, override: { comment: "Your formula was right on paper; the +1 was a typo." } });
    const rows = Papa.parse<string[]>((await exportGrades(db, { user: w.instructor, courseId: w.courseId })).csv.replace(/^\uFEFF/, "").trim()).data;
    const header = rows[0]!;
    const ada = rows.find((r) => r[1] === w.student.email)!;
    expect(header.at(-1)).toBe("Notes");
    expect(Number(ada[header.indexOf("Homework 1")])).toBe(4.5);
    expect(ada.at(-1)).toBe(`set by hand: Homework 1 / ${SLUG}`);

    const workspace = await getExerciseWorkspace(db, { user: w.student, assignmentId: w.assignmentId, slug: SLUG });
    expect(workspace?.override).toEqual({ score: 4.5, comment: "Your formula was right on paper; the +1 was a typo." });
    const staffView = await listStudentExerciseSubmissions(db, { ...target(), user: w.instructor });
    expect(staffView.override).toMatchObject({ score: 4.5, setBy: w.instructor.name });
  });

  it("survives a regrade of the exercise", async () => {
    const { jobId } = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId: w.exerciseIds[SLUG]!, studentId: w.student.id });
    await runRegradeJob(db, { jobId, runner });
    expect((await db.regradeJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("done");
    expect(await matrixCell()).toMatchObject({ bestScore: 4.5, override: { comment: expect.any(String) } });
  }, 120_000);

  it("lets a TA set scores once an instructor allows it in the course settings", async () => {
    await updateCourse(db, { user: w.instructor, courseId: w.courseId, input: { title: "Deep Learning", description: null, taMayOverrideScores: true } });
    await setScoreOverride(db, { ...target(), user: w.ta, input: input("5", "Regraded by hand after office hours.") });
    expect(await matrixCell()).toMatchObject({ bestScore: 5, override: { comment: "Regraded by hand after office hours." } });
  });
});

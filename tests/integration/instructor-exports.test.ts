// The LMS exports (issue 16): exact header rows of the Canvas, Moodle and generic layouts, and the
// cell rules read with each student's own due date: blank while not yet due with nothing graded,
// 0 after it with nothing submitted, EX when excused; the route's format check.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { createAssignment } from "@/server/assignments/create-assignment";
import { AppError } from "@/server/errors";
import { ZExtensionInput } from "@/server/extensions/extension-schemas";
import { grantExtensions } from "@/server/extensions/grant-extensions";
import { exportGrades, type TGradesFormat } from "@/server/grades/export-grades";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let pastId: string;
let extendedId: string;
const now = Date.now();
const SOLUTION = readExerciseSource("conv-output-shape", "solution.py");

async function makeAssignment(title: string, dueAt: Date): Promise<string> {
  const { id } = await createAssignment(db, {
    user: w.instructor,
    courseId: w.courseId,
    settings: {
      title,
      exerciseIds: [w.exerciseIds["conv-output-shape"]!],
      opensAt: new Date(now - 10 * DAY_MS),
      dueAt,
      timeZone: "UTC",
      allowLate: false,
      latePenaltyPerDay: 0,
      cooldownSeconds: null,
      maxAttempts: null,
      loadErrorsCostNoAttempt: true,
      scoresRelease: "immediately" as const,
      hiddenDetailsRelease: "after_due" as const,
    },
  });
  return id;
}

async function rows(format: TGradesFormat): Promise<string[][]> {
  const { csv } = await exportGrades(db, { user: w.instructor, courseId: w.courseId, format, now: new Date(now) });
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  // Past: due three days ago; Ada answered right before it, Ben never did.
  pastId = await makeAssignment("Past", new Date(now - 3 * DAY_MS));
  await submitAndGrade(db, runner, { user: w.student, assignmentId: pastId, slug: "conv-output-shape", code: SOLUTION, now: new Date(now - 4 * DAY_MS) });
  // Extended: due yesterday; Ben has two more days, nobody submitted.
  extendedId = await makeAssignment("Extended", new Date(now - DAY_MS));
  const extension = ZExtensionInput.parse({ emails: w.otherStudent.email, dueAt: "", extraHours: "72", excused: false, reason: "" });
  await grantExtensions(db, { user: w.instructor, courseId: w.courseId, assignmentId: extendedId, input: extension });
  // Homework 1 (due in a week): Ada is excused.
  const excuse = ZExtensionInput.parse({ emails: w.student.email, dueAt: "", extraHours: "", excused: true, reason: "" });
  await grantExtensions(db, { user: w.instructor, courseId: w.courseId, assignmentId: w.assignmentId, input: excuse });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

describe("the grade export", () => {
  it("Canvas: its header, a Points Possible row, SIS Login ID the email; blank, 0 and EX by each student's own due date", async () => {
    const homeworkPoints = (await db.assignmentExercise.findMany({ where: { assignmentId: w.assignmentId }, include: { exercise: true } })).reduce(
      (sum, link) => sum + (link.points ?? link.exercise.points),
      0,
    );
    expect(await rows("canvas")).toEqual([
      ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", `Past (${pastId})`, `Extended (${extendedId})`, `Homework 1 (${w.assignmentId})`],
      ["Points Possible", "", "", "", "", "5", "5", String(homeworkPoints)],
      ["Ada Student", "", "", w.student.email, "", "5", "0", "EX"],
      ["Ben Student", "", "", w.otherStudent.email, "", "0", "", ""],
    ]);
  });

  it("Moodle: keyed by email address", async () => {
    expect(await rows("moodle")).toEqual([
      ["Email address", "Full name", "Past", "Extended", "Homework 1"],
      [w.student.email, "Ada Student", "5", "0", "EX"],
      [w.otherStudent.email, "Ben Student", "0", "", ""],
    ]);
  });

  it("generic: name and email, the assignments, then one column per exercise with the same cell rules", async () => {
    const slugs = (await db.assignmentExercise.findMany({ where: { assignmentId: w.assignmentId }, orderBy: { order: "asc" }, include: { exercise: true } })).map(
      (link) => link.exercise.slug,
    );
    const [header, ada, ben] = await rows("generic");
    expect(header).toEqual([
      "Name",
      "Email",
      "Past",
      "Extended",
      "Homework 1",
      "Past / conv-output-shape",
      "Extended / conv-output-shape",
      ...slugs.map((slug) => `Homework 1 / ${slug}`),
    ]);
    expect(ada).toEqual(["Ada Student", w.student.email, "5", "0", "EX", "5", "0", ...slugs.map(() => "EX")]);
    expect(ben).toEqual(["Ben Student", w.otherStudent.email, "0", "", "", "0", "", ...slugs.map(() => "")]);
  });

  it("is refused to a TA, and names the format in the file name", async () => {
    const refused = await exportGrades(db, { user: w.ta, courseId: w.courseId, format: "canvas" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("forbidden");
    const { filename } = await exportGrades(db, { user: w.instructor, courseId: w.courseId, format: "moodle", now: new Date("2026-12-01T10:00:00Z") });
    expect(filename).toMatch(/^convlab-grades-C\w+-2026-12-01-moodle\.csv$/);
  });
});

// Re-scoring stored results without the sandbox, through a real SQLite database: an instructor's
// points and all-or-nothing choice per exercise of an assignment, and an extension granted (or
// taken back) after a late submission, change the stored score, late penalty, progress matrix
// and export; a score set by hand keeps winning; bad input and the wrong people change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import type { TDb } from "@/server/db-client";
import { grantExtensions } from "@/server/extensions/grant-extensions";
import { ZExtensionInput } from "@/server/extensions/extension-schemas";
import { removeExtension } from "@/server/extensions/remove-extension";
import { setExerciseScoring, ZExerciseScoringInput } from "@/server/grades/exercise-scoring";
import { getProgressMatrix } from "@/server/grades/get-progress-matrix";
import { setScoreOverride } from "@/server/overrides/set-score-override";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let assignmentId: string;
let submissionId: string;
let graded: TGradingResult;
let exerciseId: string;

const PENALTY = 0.25;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  exerciseId = w.exerciseIds["convolution"]!;
  // Due an hour ago, late work accepted at 25% per started day: the submission below is one day late.
  const assignment = await db.assignment.create({
    data: {
      courseId: w.courseId,
      title: "Late allowed",
      opensAt: new Date(Date.now() - 2 * DAY_MS),
      dueAt: new Date(Date.now() - 60 * 60 * 1000),
      timeZone: "UTC",
      allowLate: true,
      latePenaltyPerDay: PENALTY,
      exercises: { create: [{ exerciseId, order: 0 }] },
    },
  });
  assignmentId = assignment.id;
  submissionId = await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: readExerciseSource("convolution", "buggy/flipped-kernel.py") });
  graded = ZGradingResult.parse((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).result);
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

const stored = () => db.submission.findUniqueOrThrow({ where: { id: submissionId } });
const cell = async () => (await getProgressMatrix(db, { user: w.instructor, courseId: w.courseId, assignmentId })).rows.find((r) => r.userId === w.student.id)!.cells[0]!;
const extensionInput = (fields: Partial<Record<"dueAt" | "extraHours", string>>) =>
  ZExtensionInput.parse({ emails: w.student.email, dueAt: "", extraHours: "", excused: false, reason: "", ...fields });
const scoring = (points: string, rule: string) => ZExerciseScoringInput.parse({ exerciseId, points, scoring: rule });

describe("stored results re-scored without the sandbox", () => {
  it("starts late, with a partial score after the day's penalty", async () => {
    const row = await stored();
    expect(graded.score).toBeGreaterThan(0);
    expect(graded.score).toBeLessThan(graded.maxScore);
    expect(row).toMatchObject({ isLate: true, latePenalty: PENALTY, score: graded.score * (1 - PENALTY) });
  });

  it("an extension granted after the submission takes its penalty away; removing it puts the penalty back", async () => {
    await grantExtensions(db, { user: w.instructor, courseId: w.courseId, assignmentId, input: extensionInput({ extraHours: "24" }) });
    expect(await stored()).toMatchObject({ isLate: false, latePenalty: 0, score: graded.score });
    expect((await cell()).bestScore).toBeCloseTo(graded.score, 2);
    await removeExtension(db, { user: w.instructor, courseId: w.courseId, assignmentId, userId: w.student.id });
    expect(await stored()).toMatchObject({ isLate: true, latePenalty: PENALTY, score: graded.score * (1 - PENALTY) });
  });

  it("all-or-nothing and a points change re-score the stored cases: same seed, same cases, no new grading", async () => {
    const before = await stored();
    const result = await setExerciseScoring(db, { user: w.instructor, courseId: w.courseId, assignmentId, input: scoring("", "all_or_nothing") });
    expect(result.rescored).toBe(1);
    const nothing = await stored();
    expect(nothing).toMatchObject({ score: 0, maxScore: graded.maxScore, regradedAt: null, finishedAt: before.finishedAt });
    expect((await cell()).bestScore).toBe(0);

    await setExerciseScoring(db, { user: w.instructor, courseId: w.courseId, assignmentId, input: scoring("20", "proportional") });
    const doubled = await stored();
    const doubledResult = ZGradingResult.parse(doubled.result);
    expect(doubled.maxScore).toBe(20);
    // Twice each passed case's weighted points, rounded to cents as the grader rounds, then the penalty.
    const earned = Math.round(graded.cases.reduce((sum, c) => sum + (c.passed ? 2 * c.points : 0), 0) * 100) / 100;
    expect(doubled.score).toBeCloseTo(earned * (1 - PENALTY), 6);
    expect(doubledResult).toMatchObject({ seed: graded.seed, timing: graded.timing, maxScore: 20, status: graded.status });
    expect(doubledResult.cases.map((c) => [c.name, c.passed])).toEqual(graded.cases.map((c) => [c.name, c.passed]));
    expect(doubledResult.cases.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(20, 6);
    // The matrix shows cents: half a cent away at most (toBeCloseTo(…, 2) failed on a score of exactly x.xx5).
    expect(Math.abs((await cell()).bestScore! - earned * (1 - PENALTY))).toBeLessThanOrEqual(0.005 + 1e-9);
    // Saving the same terms again changes nothing.
    expect((await setExerciseScoring(db, { user: w.instructor, courseId: w.courseId, assignmentId, input: scoring("20", "proportional") })).rescored).toBe(0);
  });

  it("a score set by hand keeps winning over any re-score", async () => {
    await setScoreOverride(db, { user: w.instructor, courseId: w.courseId, assignmentId, studentId: w.student.id, slug: "convolution", input: { score: 7, comment: "Checked by hand." } });
    await setExerciseScoring(db, { user: w.instructor, courseId: w.courseId, assignmentId, input: scoring("", "") });
    expect(await stored()).toMatchObject({ maxScore: graded.maxScore, score: graded.score * (1 - PENALTY) });
    expect(await cell()).toMatchObject({ bestScore: 7, override: { comment: "Checked by hand." } });
  });

  it("refuses bad points and rules, TAs, staff of another course and exercises not in the assignment, changing nothing", async () => {
    for (const points of ["0", "1.5", "abc", "1001"]) expect(() => scoring(points, "")).toThrow(/scoringPointsRange/);
    expect(() => scoring("10", "half")).toThrow(/scoringRuleInvalid/);
    const before = await stored();
    const args = { courseId: w.courseId, assignmentId, input: scoring("5", "all_or_nothing") };
    await expect(setExerciseScoring(db, { ...args, user: w.ta })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setExerciseScoring(db, { ...args, user: w.otherInstructor })).rejects.toMatchObject({ code: "not_found" });
    await expect(setExerciseScoring(db, { ...args, user: w.otherInstructor, courseId: w.otherCourseId })).rejects.toMatchObject({ code: "not_found" });
    await expect(setExerciseScoring(db, { ...args, user: w.instructor, input: { ...args.input, exerciseId: w.exerciseIds["conv2d"]! } })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await stored()).toEqual(before);
    expect(await db.assignmentExercise.findFirstOrThrow({ where: { assignmentId } })).toMatchObject({ points: null, scoring: null });
  });
});

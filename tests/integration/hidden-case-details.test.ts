// Hidden-case data before the due date, through the real sandbox and a real SQLite database: a
// student's view of a failing Submit carries no inputs, expected or returned values while the
// stored row keeps them all; after the due date, or for the course staff, everything shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import { inChinese } from "@/grading/test-helpers";
import type { TDb } from "@/server/db-client";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { AppError } from "@/server/errors";
import { getSubmissionCaseSnippet } from "@/server/submissions/get-case-snippet";
import { getSubmissionView } from "@/server/submissions/get-submission-view";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let assignmentId: string;
let submissionId: string;
let stored: TGradingResult;
const dueAt = new Date(Date.now() + 2 * DAY_MS);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  const assignment = await db.assignment.create({
    data: {
      courseId: w.courseId,
      title: "Hidden until due",
      opensAt: new Date(Date.now() - DAY_MS),
      dueAt,
      timeZone: "Asia/Shanghai",
      showHiddenDetailsBeforeDue: false,
      exercises: { create: [{ exerciseId: w.exerciseIds["convolution"]!, order: 0 }] },
    },
  });
  assignmentId = assignment.id;
  submissionId = await submitAndGrade(db, runner, {
    user: w.student,
    assignmentId,
    slug: "convolution",
    code: readExerciseSource("convolution", "buggy/flipped-kernel.py"),
  });
  const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
  stored = ZGradingResult.parse(row.result);
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

/** What the browser would receive: the view as JSON, as the route sends it. */
async function viewAs(user: TWorld["student"], now?: Date) {
  const view = await getSubmissionView(db, { user, submissionId, now });
  return { view, json: JSON.stringify(view) };
}

describe("hidden-case data of a Submit", () => {
  it("is stored in full: heatmaps, values, messages and the seed", async () => {
    const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(stored.status).toBe("failed");
    expect(stored.seed).toBe(row.seed);
    expect(stored.cases.filter((c) => !c.passed && c.detail !== null).length).toBeGreaterThan(0);
    expect(stored.diagnoses.map((d) => d.code)).toContain("flipped-kernel");
    expect(stored.cases.filter((c) => !c.passed).every((c) => inChinese(c.message).includes("img.shape="))).toBe(true);
  });

  it("does not reach the student before the due date; the verdict, score and diagnosis do", async () => {
    const { view, json } = await viewAs(w.student);
    const result = view.result!;
    expect(result).toMatchObject({ status: "failed", score: stored.score, seed: null });
    expect("detailsHiddenUntil" in result && result.detailsHiddenUntil).toEqual({ dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" });
    expect(result.cases.map((c) => [c.name, c.title, c.passed])).toEqual(stored.cases.map((c) => [c.name, c.title, c.passed]));
    expect(result.cases.every((c) => /\p{Script=Han}/u.test(inChinese(c.title)))).toBe(true);
    expect(result.diagnoses).toEqual(stored.diagnoses);
    expect(result.cases.every((c) => c.detail === null && Object.keys(c.params).length === 0)).toBe(true);
    for (const key of ['"values"', '"firstWrong"', '"img.shape"', `"seed":${stored.seed}`]) expect(json).not.toContain(key);
    for (const c of stored.cases.filter((x) => !x.passed)) {
      expect(json).not.toContain(JSON.stringify(c.message));
    }
    expect(result.cases.filter((c) => !c.passed).every((c) => inChinese(c.message) === "未通过。截止时间过后显示这个隐藏用例的数据。")).toBe(true);
    // The stored row is untouched by viewing it.
    const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(ZGradingResult.parse(row.result)).toEqual(stored);
  });

  it("reaches the student once the due date has passed", async () => {
    expect((await viewAs(w.student, dueAt)).view.result).toHaveProperty("seed", null);
    expect((await viewAs(w.student, new Date(dueAt.getTime() + 1000))).view.result).toEqual(stored);
  });

  it("reaches the student before the due date when the instructor shows it", async () => {
    await db.assignment.update({ where: { id: assignmentId }, data: { showHiddenDetailsBeforeDue: true } });
    try {
      expect((await viewAs(w.student)).view.result).toEqual(stored);
    } finally {
      await db.assignment.update({ where: { id: assignmentId }, data: { showHiddenDetailsBeforeDue: false } });
    }
  });

  it("always reaches the course's instructor, TA and admins, in the API view and the staff drill-down", async () => {
    for (const staff of [w.instructor, w.ta, w.admin]) expect((await viewAs(staff)).view.result).toEqual(stored);
    const drillDown = await listStudentExerciseSubmissions(db, { user: w.ta, courseId: w.courseId, assignmentId, studentId: w.student.id, slug: "convolution" });
    expect(drillDown.submissions.map((s) => s.result)).toEqual([stored]);
  });
});

describe("Copy this case for a hidden case", () => {
  const failingIndex = () => stored.cases.findIndex((c) => !c.passed);

  it("is refused to the student before the due date, with nothing of the case in the answer", async () => {
    const error = await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex: failingIndex() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "forbidden", key: "caseDataHidden" });
  });

  it("gives the student the case's numpy script after the due date, and the staff at any time", async () => {
    const caseIndex = failingIndex();
    const afterDue = await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex, now: new Date(dueAt.getTime() + 1000) });
    expect(afterDue.caseName).toBe(stored.cases[caseIndex]!.name);
    expect(afterDue.snippet).toContain("img = np.array(");
    const staff = await getSubmissionCaseSnippet(db, { user: w.ta, submissionId, caseIndex });
    expect(staff).toEqual(afterDue);
  });

  it("is refused to a stranger as if the submission did not exist", async () => {
    const error = await getSubmissionCaseSnippet(db, { user: w.otherStudent, submissionId, caseIndex: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not_found", key: "submissionNotFound" });
  });
});

// Similarity reports on a real SQLite file with the real Dolos parser: who may start, read and
// cancel one (students and other courses get "not found", TAs read), each student's best answer
// analysed, a disguised copy found with its lines, a comparison course's copy found too, clusters
// stored, a cancelled report never run, and reports queued by themselves after a due date.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { cancelSimilarityReport } from "@/server/similarity/cancel-similarity-report";
import { createSimilarityReport } from "@/server/similarity/create-similarity-report";
import { getSimilarityReport } from "@/server/similarity/get-similarity-report";
import { listSimilarityReports } from "@/server/similarity/list-similarity-reports";
import { queueDueSimilarityReports } from "@/server/similarity/queue-due-similarity-reports";
import { runSimilarityReport } from "@/server/similarity/run-similarity-report";
import { createTestDatabase, createUser, createWorld, DAY_MS, type TTestDatabase, type TWorld } from "./instructor-fixtures";

const corpus = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/similarity-corpus", `${name}.py`), "utf8");

let database: TTestDatabase;
let db: TDb;
let w: TWorld;
let conv2dId: string;
let otherAssignmentId: string;
const submissionOf: Record<string, string> = {};

async function storeAnswer(options: { userId: string; courseId: string; assignmentId: string; code: string; score: number; minutesAgo: number }): Promise<string> {
  const submission = await db.submission.create({
    data: {
      userId: options.userId,
      courseId: options.courseId,
      assignmentId: options.assignmentId,
      exerciseId: conv2dId,
      code: options.code,
      seed: 1,
      mode: "submit",
      status: options.score === 1 ? "passed" : "failed",
      score: options.score,
      maxScore: 1,
      receivedAt: new Date(Date.now() - options.minutesAgo * 60_000),
    },
  });
  return submission.id;
}

async function expectCode(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  await expect(promise).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === code);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await createWorld(db);
  conv2dId = w.exerciseIds["conv2d"]!;
  const cy = await createUser(db, "Cy Student");
  const dee = await createUser(db, "Dee Other");
  await db.enrollment.createMany({
    data: [
      { courseId: w.courseId, userId: cy.id, role: "student" },
      { courseId: w.otherCourseId, userId: dee.id, role: "student" },
      // Our instructor also taught the other course last term, so may compare against it.
      { courseId: w.otherCourseId, userId: w.instructor.id, role: "instructor" },
    ],
  });
  const other = await db.assignment.create({
    data: {
      courseId: w.otherCourseId,
      title: "Last term",
      opensAt: new Date(Date.now() - 90 * DAY_MS),
      dueAt: new Date(Date.now() - 80 * DAY_MS),
      exercises: { create: [{ exerciseId: conv2dId }] },
    },
  });
  otherAssignmentId = other.id;
  // Ada's best is her later, passing answer; her first, failing one (the vectorised style) is not analysed.
  submissionOf.adaFirst = await storeAnswer({ userId: w.student.id, courseId: w.courseId, assignmentId: w.assignmentId, code: corpus("vectorised"), score: 0.2, minutesAgo: 50 });
  submissionOf.ada = await storeAnswer({ userId: w.student.id, courseId: w.courseId, assignmentId: w.assignmentId, code: corpus("original"), score: 1, minutesAgo: 40 });
  submissionOf.ben = await storeAnswer({ userId: w.otherStudent.id, courseId: w.courseId, assignmentId: w.assignmentId, code: corpus("renamed"), score: 1, minutesAgo: 30 });
  submissionOf.cy = await storeAnswer({ userId: cy.id, courseId: w.courseId, assignmentId: w.assignmentId, code: corpus("im2col"), score: 1, minutesAgo: 20 });
  submissionOf.dee = await storeAnswer({ userId: dee.id, courseId: w.otherCourseId, assignmentId: other.id, code: corpus("padded"), score: 1, minutesAgo: 60 * 24 * 85 });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("starting a similarity report", () => {
  const input = () => ({ courseId: w.courseId, assignmentId: w.assignmentId, exerciseId: conv2dId, comparisonCourseIds: [] });

  it("is refused to students and other courses' staff as not found, and to TAs as not allowed", async () => {
    await expectCode(createSimilarityReport(db, { user: w.student, ...input() }), "not_found");
    await expectCode(createSimilarityReport(db, { user: w.otherInstructor, ...input() }), "not_found");
    await expectCode(createSimilarityReport(db, { user: w.ta, ...input() }), "forbidden");
  });

  it("refuses a comparison course the instructor is not staff of, and an exercise the assignment lacks", async () => {
    const stranger = await db.course.create({ data: { title: "Stranger", code: "STRANGE1" } });
    await expectCode(createSimilarityReport(db, { user: w.instructor, ...input(), comparisonCourseIds: [stranger.id] }), "not_found");
    await expectCode(createSimilarityReport(db, { user: w.instructor, ...input(), assignmentId: otherAssignmentId }), "not_found");
    expect(await db.similarityReport.count()).toBe(0);
  });

  it("a cancelled report is never run", async () => {
    const { reportId } = await createSimilarityReport(db, { user: w.instructor, ...input() });
    await expectCode(createSimilarityReport(db, { user: w.instructor, ...input() }), "conflict");
    await expectCode(cancelSimilarityReport(db, { user: w.ta, courseId: w.courseId, reportId }), "forbidden");
    await cancelSimilarityReport(db, { user: w.instructor, courseId: w.courseId, reportId });
    expect(await runSimilarityReport(db, { reportId })).toBe("not-claimed");
    const report = await db.similarityReport.findUniqueOrThrow({ where: { id: reportId }, include: { _count: { select: { pairs: true, entries: true } } } });
    expect(report.status).toBe("cancelled");
    expect(report._count).toEqual({ pairs: 0, entries: 0 });
    await expectCode(cancelSimilarityReport(db, { user: w.instructor, courseId: w.courseId, reportId }), "conflict");
  });
});

describe("a finished report", () => {
  let reportId: string;
  beforeAll(async () => {
    ({ reportId } = await createSimilarityReport(db, {
      user: w.instructor,
      courseId: w.courseId,
      assignmentId: w.assignmentId,
      exerciseId: conv2dId,
      comparisonCourseIds: [w.otherCourseId],
    }));
    expect(await runSimilarityReport(db, { reportId })).toBe("finished");
  }, 60_000);

  it("analysed each student's best answer, the comparison course's too", async () => {
    const report = await getSimilarityReport(db, { user: w.instructor, courseId: w.courseId, reportId });
    expect(report.status).toBe("done");
    expect(report.total).toBe(4);
    expect(report.students.map((s) => s.submissionId).sort()).toEqual([submissionOf.ada, submissionOf.ben, submissionOf.cy, submissionOf.dee].sort());
    expect(report.students.find((s) => s.submissionId === submissionOf.dee)?.otherCourse?.title).toBe("Other course");
  });

  it("ranks the disguised copies first, clusters them, and leaves the independent answer alone", async () => {
    const report = await getSimilarityReport(db, { user: w.ta, courseId: w.courseId, reportId });
    const entryOf = (id: string) => report.students.find((s) => s.submissionId === id)!;
    const key = (pair: { leftEntryId: string; rightEntryId: string }) => [pair.leftEntryId, pair.rightEntryId].sort().join("|");
    const top = report.pairs.slice(0, 3).map(key).sort();
    const copies = [
      [submissionOf.ada!, submissionOf.ben!],
      [submissionOf.ada!, submissionOf.dee!],
      [submissionOf.ben!, submissionOf.dee!],
    ].map(([a, b]) => [entryOf(a).entryId, entryOf(b).entryId].sort().join("|"));
    expect(top).toEqual(copies.sort());
    expect(report.pairs[2]!.similarity).toBeGreaterThanOrEqual(0.7);
    const cluster = entryOf(submissionOf.ada!).cluster;
    expect(cluster).not.toBeNull();
    expect(entryOf(submissionOf.ben!).cluster).toBe(cluster);
    expect(entryOf(submissionOf.dee!).cluster).toBe(cluster);
    expect(entryOf(submissionOf.cy!).cluster).toBeNull();
  });

  it("shows a pair's two files with their matched lines", async () => {
    const first = await getSimilarityReport(db, { user: w.instructor, courseId: w.courseId, reportId });
    const { selected } = await getSimilarityReport(db, { user: w.instructor, courseId: w.courseId, reportId, pairId: first.pairs[0]!.id });
    expect(selected).not.toBeNull();
    expect(selected!.leftCode).toContain("def conv2d");
    expect(selected!.fragments.length).toBeGreaterThan(0);
    // The matched lines are the students' own code, after the starter's docstring (lines 0–8).
    expect(Math.min(...selected!.fragments.map((f) => f.left.startLine))).toBeGreaterThanOrEqual(9);
  });

  it("is not found for students, other courses' staff, or through another course", async () => {
    await expectCode(getSimilarityReport(db, { user: w.student, courseId: w.courseId, reportId }), "not_found");
    await expectCode(getSimilarityReport(db, { user: w.otherInstructor, courseId: w.courseId, reportId }), "not_found");
    await expectCode(getSimilarityReport(db, { user: w.otherInstructor, courseId: w.otherCourseId, reportId }), "not_found");
    await expectCode(listSimilarityReports(db, { user: w.student, courseId: w.courseId, assignmentId: w.assignmentId }), "not_found");
    const list = await listSimilarityReports(db, { user: w.ta, courseId: w.courseId, assignmentId: w.assignmentId });
    expect(list.canStart).toBe(false);
    expect(list.reports.some((r) => r.id === reportId && r.status === "done")).toBe(true);
  });
});

describe("after the due date", () => {
  it("queues one report per exercise of a just-due assignment, once", async () => {
    const due = await db.assignment.create({
      data: {
        courseId: w.courseId,
        title: "Just due",
        opensAt: new Date(Date.now() - 3 * DAY_MS),
        dueAt: new Date(Date.now() - 60_000),
        exercises: { create: [{ exerciseId: conv2dId }] },
      },
    });
    // The other course's assignment is long past due (80 days): left alone.
    expect(await queueDueSimilarityReports(db)).toBe(1);
    expect(await queueDueSimilarityReports(db)).toBe(0);
    const queued = await db.similarityReport.findMany({ where: { assignmentId: due.id } });
    expect(queued).toMatchObject([{ exerciseId: conv2dId, status: "queued", requestedById: null }]);
  });
});

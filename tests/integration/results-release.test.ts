// An assignment's release of results, through the real sandbox and a real SQLite database: a
// student's view of a failing Submit carries no inputs, expected or returned values while the
// stored row keeps them all; after the due date, or for the course staff, everything shows. Scores
// wait the same way (after the student's own due date, or until staff publish) in every place a
// student reads them (the submission, the history, the home page, the workspace's override) and
// in what the LMS is sent; publishing refuses bad requests and changes nothing then.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import { inChinese } from "@/grading/test-helpers";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { getSubmissionCaseSnippet } from "@/server/submissions/get-case-snippet";
import { getSubmissionView } from "@/server/submissions/get-submission-view";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";
import { listStudentAssignments } from "@/server/assignments/list-student-assignments";
import { getExerciseWorkspace } from "@/server/assignments/get-exercise-workspace";
import { setResultsPublished } from "@/server/assignments/publish-results";
import { setScoreOverride } from "@/server/overrides/set-score-override";
import { queueAssignmentScoreSyncs } from "@/server/lti/score-sync";
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
      hiddenDetailsRelease: "after_due",
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
    expect("detailsHiddenUntil" in result && result.detailsHiddenUntil).toEqual({ kind: "due", dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" });
    expect(result.cases.map((c) => [c.name, c.title, c.passed])).toEqual(stored.cases.map((c) => [c.name, c.title, c.passed]));
    expect(result.cases.every((c) => /\p{Script=Han}/u.test(inChinese(c.title)))).toBe(true);
    expect(result.diagnoses).toEqual(stored.diagnoses);
    expect(result.cases.every((c) => c.detail === null && Object.keys(c.params).length === 0)).toBe(true);
    for (const key of ['"values"', '"firstWrong"', '"img.shape"', `"seed":${stored.seed}`]) expect(json).not.toContain(key);
    for (const c of stored.cases.filter((x) => !x.passed)) {
      expect(json).not.toContain(JSON.stringify(c.message));
    }
    expect(result.cases.filter((c) => !c.passed).every((c) => inChinese(c.message) === "未通过。这个隐藏用例的数据稍后显示（见上方说明）。")).toBe(true);
    // The stored row is untouched by viewing it.
    const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(ZGradingResult.parse(row.result)).toEqual(stored);
  });

  it("reaches the student once the due date has passed", async () => {
    expect((await viewAs(w.student, dueAt)).view.result).toHaveProperty("seed", null);
    expect((await viewAs(w.student, new Date(dueAt.getTime() + 1000))).view.result).toEqual(stored);
  });

  it("reaches the student before the due date when the instructor shows it", async () => {
    await db.assignment.update({ where: { id: assignmentId }, data: { hiddenDetailsRelease: "immediately" } });
    try {
      expect((await viewAs(w.student)).view.result).toEqual(stored);
    } finally {
      await db.assignment.update({ where: { id: assignmentId }, data: { hiddenDetailsRelease: "after_due" } });
    }
  });

  it("always reaches the course's instructor, TA and admins, in the API view and the staff drill-down", async () => {
    for (const staff of [w.instructor, w.ta, w.admin]) expect((await viewAs(staff)).view.result).toEqual(stored);
    const drillDown = await listStudentExerciseSubmissions(db, { user: w.ta, courseId: w.courseId, assignmentId, studentId: w.student.id, slug: "convolution" });
    expect(drillDown.submissions.map((s) => s.result)).toEqual([stored]);
  });
});

/** Sets the assignment's release for one test and puts the defaults back afterwards. */
async function withRelease(data: { scoresRelease?: "immediately" | "after_due" | "on_publish"; hiddenDetailsRelease?: "immediately" | "after_due" | "on_publish" }, body: () => Promise<void>) {
  await db.assignment.update({ where: { id: assignmentId }, data });
  try {
    await body();
  } finally {
    await db.assignment.update({ where: { id: assignmentId }, data: { scoresRelease: "immediately", hiddenDetailsRelease: "after_due", resultsPublishedAt: null } });
    await db.assignmentException.deleteMany({ where: { assignmentId } });
  }
}

const after = (date: Date) => new Date(date.getTime() + 1000);

describe("release of scores", () => {
  it("after the due date: the student sees only 'submitted, result after <date>', everywhere; staff see it all", async () => {
    await withRelease({ scoresRelease: "after_due" }, async () => {
      const { view, json } = await viewAs(w.student);
      expect(view).toMatchObject({ status: "submitted", score: null, maxScore: null, result: null, resultAfter: { kind: "due", dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" } });
      for (const key of ['"failed"', '"diagnoses"', '"cases"']) expect(json).not.toContain(key);
      const historyOptions = { userId: w.student.id, exerciseId: w.exerciseIds["convolution"]!, assignmentId, hiddenUntil: { kind: "due" as const, dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" } };
      const history = await listSubmissionHistory(db, historyOptions);
      expect(history).toEqual([expect.objectContaining({ id: submissionId, status: "submitted", score: null, maxScore: null, result: null })]);
      const home = (await listStudentAssignments(db, { userId: w.student.id })).find((a) => a.id === assignmentId)!;
      expect(home.resultAfter).toEqual({ kind: "due", dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" });
      expect(home.exercises[0]).toMatchObject({ status: "submitted", bestScore: null, maxScore: null, attempts: 1 });
      for (const staff of [w.instructor, w.ta]) expect((await viewAs(staff)).view).toMatchObject({ status: "failed", score: stored.score, result: stored, resultAfter: null });
      // At the due instant it is still before; a second later the score and the full result show.
      expect((await viewAs(w.student, dueAt)).view.status).toBe("submitted");
      expect((await viewAs(w.student, after(dueAt))).view).toMatchObject({ status: "failed", score: stored.score, result: stored, resultAfter: null });
      const later = await listSubmissionHistory(db, { ...historyOptions, hiddenUntil: null, now: after(dueAt) });
      expect(later[0]).toMatchObject({ status: "failed", score: stored.score, result: stored });
    });
  });

  it("waits for the student's own due date: an extension keeps scores and hidden data back longer", async () => {
    await withRelease({ scoresRelease: "after_due" }, async () => {
      const extended = new Date(dueAt.getTime() + 2 * DAY_MS);
      await db.assignmentException.create({ data: { assignmentId, userId: w.student.id, dueAt: extended, createdById: w.instructor.id } });
      const atOriginal = (await viewAs(w.student, after(dueAt))).view;
      expect(atOriginal).toMatchObject({ status: "submitted", result: null, resultAfter: { kind: "due", dueAt: extended.toISOString() } });
      const home = (await listStudentAssignments(db, { userId: w.student.id, now: after(dueAt) })).find((a) => a.id === assignmentId)!;
      expect(home.exercises[0]).toMatchObject({ status: "submitted", bestScore: null });
      await db.assignment.update({ where: { id: assignmentId }, data: { scoresRelease: "immediately" } });
      const details = (await viewAs(w.student, after(dueAt))).view.result!;
      expect("detailsHiddenUntil" in details && details.detailsHiddenUntil).toEqual({ kind: "due", dueAt: extended.toISOString(), timeZone: "Asia/Shanghai" });
      expect((await viewAs(w.student, after(extended))).view.result).toEqual(stored);
    });
  });

  it("on publish: nothing until an instructor publishes, everything after, and hidden again after unpublishing", async () => {
    await withRelease({ scoresRelease: "on_publish", hiddenDetailsRelease: "on_publish" }, async () => {
      const farLater = new Date(dueAt.getTime() + 30 * DAY_MS);
      expect((await viewAs(w.student, farLater)).view).toMatchObject({ status: "submitted", result: null, resultAfter: { kind: "publish" } });
      await setScoreOverride(db, { user: w.instructor, courseId: w.courseId, assignmentId, studentId: w.student.id, slug: "convolution", input: { score: 3, comment: "Partial credit for the loop." } });
      const hiddenOverride = await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" });
      expect(hiddenOverride?.override).toBeNull();
      expect(hiddenOverride?.history[0]).toMatchObject({ status: "submitted", score: null });

      await setResultsPublished(db, { user: w.instructor, courseId: w.courseId, assignmentId, isPublished: true });
      expect((await viewAs(w.student)).view).toMatchObject({ status: "failed", score: stored.score, result: stored, resultAfter: null });
      expect((await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))?.override).toEqual({ score: 3, comment: "Partial credit for the loop." });
      const home = (await listStudentAssignments(db, { userId: w.student.id })).find((a) => a.id === assignmentId)!;
      expect(home.exercises[0]).toMatchObject({ status: "in-progress", bestScore: expect.any(Number) });

      await setResultsPublished(db, { user: w.instructor, courseId: w.courseId, assignmentId, isPublished: false });
      expect((await viewAs(w.student)).view).toMatchObject({ status: "submitted", result: null, resultAfter: { kind: "publish" } });
      await db.scoreOverride.deleteMany({ where: { assignmentId } });
    });
  });

  it("publishes details alone: scores show at once, hidden data only after the publish", async () => {
    await withRelease({ hiddenDetailsRelease: "on_publish" }, async () => {
      const details = (await viewAs(w.student, after(dueAt))).view.result!;
      expect(details).toMatchObject({ score: stored.score, seed: null });
      expect("detailsHiddenUntil" in details && details.detailsHiddenUntil).toEqual({ kind: "publish" });
      await setResultsPublished(db, { user: w.instructor, courseId: w.courseId, assignmentId, isPublished: true });
      expect((await viewAs(w.student)).view.result).toEqual(stored);
    });
  });

  it("refuses a publish nobody needs, one without results, an unpublish of unpublished results, a TA and another course, changing nothing", async () => {
    const publish = (user: TWorld["student"], id: string, isPublished = true) =>
      setResultsPublished(db, { user, courseId: w.courseId, assignmentId: id, isPublished });
    await expect(publish(w.instructor, assignmentId)).rejects.toMatchObject({ code: "conflict", key: "publishNotNeeded" });
    await withRelease({ scoresRelease: "on_publish" }, async () => {
      await db.assignment.update({ where: { id: w.assignmentId }, data: { scoresRelease: "on_publish" } });
      await expect(publish(w.instructor, w.assignmentId)).rejects.toMatchObject({ code: "conflict", key: "publishWithoutResults" });
      await expect(publish(w.instructor, assignmentId, false)).rejects.toMatchObject({ code: "conflict", key: "notPublished" });
      await expect(publish(w.ta, assignmentId)).rejects.toMatchObject({ code: "forbidden" });
      await expect(setResultsPublished(db, { user: w.otherInstructor, courseId: w.otherCourseId, assignmentId, isPublished: true })).rejects.toMatchObject({ code: "not_found" });
      await expect(setResultsPublished(db, { user: w.otherInstructor, courseId: w.courseId, assignmentId, isPublished: true })).rejects.toMatchObject({ code: "not_found" });
      await expect(publish(w.student, assignmentId)).rejects.toMatchObject({ code: "not_found" });
      const rows = await db.assignment.findMany({ where: { id: { in: [assignmentId, w.assignmentId] } }, select: { resultsPublishedAt: true } });
      expect(rows.map((r) => r.resultsPublishedAt)).toEqual([null, null]);
      await db.assignment.update({ where: { id: w.assignmentId }, data: { scoresRelease: "immediately" } });
    });
  });

  it("sends the LMS no score before the student sees it: queued for the due date, or not at all until publish", async () => {
    const platform = await db.ltiPlatform.create({
      data: { issuer: "https://lms.test", clientId: "c1", name: "LMS", authLoginUrl: "https://lms.test/auth", authTokenUrl: "https://lms.test/token", jwksUrl: "https://lms.test/jwks" },
    });
    const context = await db.ltiContext.create({ data: { platformId: platform.id, contextId: "ctx", courseId: w.courseId } });
    const link = await db.ltiResourceLink.create({ data: { ltiContextId: context.id, resourceLinkId: "rl", assignmentId } });
    await db.ltiUser.create({ data: { platformId: platform.id, sub: "sub-student", userId: w.student.id } });
    const syncRow = () => db.ltiScoreSync.findUnique({ where: { ltiResourceLinkId_userId: { ltiResourceLinkId: link.id, userId: w.student.id } } });
    const queue = () => db.$transaction((tx) => queueAssignmentScoreSyncs(tx, { assignmentId }));
    try {
      await withRelease({ scoresRelease: "after_due" }, async () => {
        await queue();
        expect(await syncRow()).toMatchObject({ status: "pending", nextAttemptAt: dueAt });
        await db.assignment.update({ where: { id: assignmentId }, data: { scoresRelease: "on_publish" } });
        await queue();
        expect(await syncRow()).toBeNull();
        await setResultsPublished(db, { user: w.instructor, courseId: w.courseId, assignmentId, isPublished: true });
        const sent = await syncRow();
        expect(sent?.status).toBe("pending");
        expect(sent!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      });
    } finally {
      await db.ltiPlatform.delete({ where: { id: platform.id } });
    }
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
    const afterDue = await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex, now: after(dueAt) });
    expect(afterDue.caseName).toBe(stored.cases[caseIndex]!.name);
    expect(afterDue.snippet).toContain("img = np.array(");
    const staff = await getSubmissionCaseSnippet(db, { user: w.ta, submissionId, caseIndex });
    expect(staff).toEqual(afterDue);
  });

  it("follows the release setting: at once when the data is released immediately, only after publishing when it waits for it", async () => {
    const caseIndex = failingIndex();
    await withRelease({ hiddenDetailsRelease: "immediately" }, async () => {
      expect((await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex })).snippet).toContain("img = np.array(");
    });
    await withRelease({ hiddenDetailsRelease: "on_publish" }, async () => {
      const early = await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex, now: after(dueAt) }).catch((e: unknown) => e);
      expect(early).toMatchObject({ code: "forbidden", key: "caseDataHidden" });
      await db.assignment.update({ where: { id: assignmentId }, data: { resultsPublishedAt: new Date(Date.now() - 1000) } });
      expect((await getSubmissionCaseSnippet(db, { user: w.student, submissionId, caseIndex })).snippet).toContain("img = np.array(");
    });
  });

  it("is refused to a stranger as if the submission did not exist", async () => {
    const error = await getSubmissionCaseSnippet(db, { user: w.otherStudent, submissionId, caseIndex: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not_found", key: "submissionNotFound" });
  });
});

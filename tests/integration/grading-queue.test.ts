// The embedded grading queue (SQLite) against a real database file and the real sandbox: one
// verdict per submission and each attempt counted once; students with nothing in flight go
// first; a submission that outlives the fast lane is graded again under the exercise's own
// limits while quick ones pass it; a flood of endless loops delays another student's first
// submission by at most the exercise's short budget; rows of a dead grader are re-queued and a live grader's are
// not; a fenced-off grader records nothing; a full queue refuses without writing; waiting
// students get an estimate, and a long poll answers when the status changes. Regrades are jobs on
// the same queue.
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { ZGradingResult } from "@/grading/result-schema";
import { MIN_BUDGET_SECONDS } from "@/grading/short-budget";
import { inEnglish } from "@/grading/test-helpers";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { getShortBudget } from "@/server/grading-queue/short-budgets";
import { GradingQueue } from "@/server/grading-queue/grading-queue";
import { claimSubmission, processClaimedSubmission, transferSubmission } from "@/server/grading-queue/process-submission";
import { createProcessToken } from "@/server/grading-queue/process-token";
import { readGradingHealth } from "@/server/grading-queue/read-grading-health";
import { waitForSubmissionChange } from "@/server/grading-queue/wait-for-submission-change";
import { createSubmission } from "@/server/submissions/create-submission";
import { getSubmissionView } from "@/server/submissions/get-submission-view";
import { CODE, countUnfinished, createCourse, storeQueuedRegrade, submit, waitFor, waitForRegrade, type TCourse } from "../support/course-fixtures";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let course: TCourse;
let queue: GradingQueue | null = null;

beforeAll(async () => {
  database = await createSqliteDatabase("grading-queue");
  db = database.db;
  runner = createRunner({ poolSize: 2 });
  course = await createCourse(db, 16);
}, 180_000);

afterEach(async () => {
  await queue?.stop();
  queue = null;
});

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

async function startQueue(): Promise<GradingQueue> {
  queue = new GradingQueue({ db, runner, poolSize: 2, slowLaneSlots: 1, fastLane: { cpuSeconds: 1, wallSeconds: 1 }, pollMs: 100, role: "test" });
  await queue.start();
  return queue;
}

/** Stores a queued row directly, past createSubmission's per-student limit, with a chosen arrival time. */
async function insertQueued(studentIndex: number, code: string, receivedAt: Date): Promise<string> {
  const row = await db.submission.create({
    data: {
      userId: course.students[studentIndex]!.id,
      exerciseId: course.exerciseId,
      assignmentId: course.assignmentId,
      courseId: null,
      code,
      seed: 1234,
      mode: "submit",
      receivedAt,
    },
  });
  return row.id;
}

async function finishedRows(ids: string[]) {
  const rows = await db.submission.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, row]));
}

describe("grading queue on SQLite", () => {
  it("grades every queued submission once, with its verdict, and counts each attempt once", async () => {
    const [ada, ben] = course.students;
    const ids = [await submit(db, course, ada!, CODE.correct), await submit(db, course, ben!, CODE.buggy), await submit(db, course, ada!, CODE.correct)];
    await startQueue();
    await waitFor("three verdicts", async () => (await countUnfinished(db, ids)) === 0, 60_000);

    const rows = await finishedRows(ids);
    expect(ids.map((id) => rows.get(id)!.status)).toEqual(["passed", "failed", "passed"]);
    expect(rows.get(ids[0]!)!.score).toBe(10);
    expect(rows.get(ids[1]!)!.score).toBeLessThan(10);
    const progress = await db.progress.findMany({ where: { exerciseId: course.exerciseId, userId: { in: [ada!.id, ben!.id] } } });
    expect(progress.find((p) => p.userId === ada!.id)).toMatchObject({ attempts: 2, bestScore: 10 });
    expect(progress.find((p) => p.userId === ben!.id)).toMatchObject({ attempts: 1 });
  });

  it("gives the next slot to a student with nothing in flight, so one student's burst does not starve the others", async () => {
    const t0 = Date.now() - 60_000;
    // Student 2 floods the queue first; students 3 and 4 arrive after all four of those.
    const burst: string[] = [];
    for (let i = 0; i < 4; i += 1) burst.push(await insertQueued(2, CODE.sleepy(0.3), new Date(t0 + i)));
    const late = [await insertQueued(3, CODE.sleepy(0.3), new Date(t0 + 10)), await insertQueued(4, CODE.sleepy(0.3), new Date(t0 + 11))];
    await startQueue();
    await waitFor("the burst and the late arrivals", async () => (await countUnfinished(db, [...burst, ...late])) === 0, 60_000);

    const rows = await finishedRows([...burst, ...late]);
    const byStart = [...rows.values()].sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime()).map((row) => row.id);
    // First come, first served would start them 5th and 6th.
    expect(byStart.indexOf(late[0]!)).toBeLessThanOrEqual(1);
    expect(byStart.indexOf(late[1]!)).toBeLessThanOrEqual(3);
  });

  it("grades a submission that outlives the fast lane again under the exercise's own limits, while quick ones pass it", async () => {
    const slow = await submit(db, course, course.students[5]!, CODE.sleepy(2));
    const endless = await submit(db, course, course.students[6]!, CODE.endless);
    const quick: string[] = [];
    for (const i of [7, 8, 9]) quick.push(await submit(db, course, course.students[i]!, CODE.correct));
    await startQueue();
    await waitFor("the slow-lane verdicts", async () => (await countUnfinished(db, [slow, endless, ...quick])) === 0, 90_000);

    const rows = await finishedRows([slow, endless, ...quick]);
    // The fast lane's 1 s timeout was not recorded: the 2 s sleeper passed in the slow lane.
    expect(rows.get(slow)).toMatchObject({ status: "passed", score: 10 });
    expect(ZGradingResult.parse(rows.get(slow)!.result).timing.wallMs).toBeGreaterThanOrEqual(2000);
    const endlessResult = ZGradingResult.parse(rows.get(endless)!.result);
    expect(rows.get(endless)!.status).toBe("timeout");
    expect(inEnglish(endlessResult.message)).toMatch(/1 s CPU time limit/);
    for (const id of quick) {
      expect(rows.get(id)!.status).toBe("passed");
      expect(rows.get(id)!.finishedAt!.getTime()).toBeLessThan(rows.get(slow)!.finishedAt!.getTime());
    }
  }, 120_000);

  it("sends to the slow lane only what stopped at a limit the fast lane lowered", async () => {
    const workerId = createProcessToken("test");
    const gradeInFastLane = async (code: string, fastLane: { cpuSeconds: number; wallSeconds: number }) => {
      const id = await submit(db, course, course.students[10]!, code);
      expect(await claimSubmission(db, { submissionId: id, workerId })).toBe(true);
      return { id, outcome: await processClaimedSubmission(db, { submissionId: id, workerId, runner, fastLane }) };
    };

    // A 2 s sleeper stopped by the fast lane's 1 s wall limit (the exercise allows 3 s): not final, nothing written.
    const sleeper = await gradeInFastLane(CODE.sleepy(2), { cpuSeconds: 1, wallSeconds: 1 });
    expect(sleeper.outcome).toBe("needs-slow-lane");
    expect(await db.submission.findUniqueOrThrow({ where: { id: sleeper.id } })).toMatchObject({ status: "running", result: null, finishedAt: null });
    await db.submission.update({ where: { id: sleeper.id }, data: { status: "not_gradable", finishedAt: new Date() } });

    // An endless loop that used up the exercise's own 1 s of CPU in the fast lane: the verdict is
    // final, since the slow lane would spend the same second to say the same thing.
    const endless = await gradeInFastLane(CODE.endless, { cpuSeconds: 1, wallSeconds: 2.9 });
    expect(endless.outcome).toBe("graded");
    const row = await db.submission.findUniqueOrThrow({ where: { id: endless.id } });
    expect(row.status).toBe("timeout");
    expect(inEnglish(ZGradingResult.parse(row.result).message)).toMatch(/1 s CPU time limit/);
  }, 60_000);

  it("lets a student flooding endless loops delay another student's first submission by at most the short budget", async () => {
    // A fast lane as long as the exercise's own 3 s wall limit: only the measured budget keeps it short.
    const ceiling = { cpuSeconds: 1, wallSeconds: 3 };
    const budget = await getShortBudget({ exercise: "convolution", runner, ceiling });
    expect(budget.wallSeconds).toBeGreaterThanOrEqual(MIN_BUDGET_SECONDS);
    expect(budget.wallSeconds).toBeLessThan(1);

    const flood: string[] = [];
    for (let i = 0; i < 4; i += 1) flood.push(await insertQueued(0, CODE.endless, new Date()));
    queue = new GradingQueue({ db, runner, poolSize: 2, slowLaneSlots: 1, fastLane: ceiling, pollMs: 100, role: "test" });
    try {
      await queue.start();
      await waitFor("both sandboxes held by the flood", async () => (await db.submission.count({ where: { id: { in: flood }, status: "running" } })) >= 2, 30_000, 20);
      const other = await submit(db, course, course.students[1]!, CODE.correct);
      queue.wake();
      await waitFor("the other student's verdict", async () => (await countUnfinished(db, [other])) === 0, 30_000, 20);

      const row = await db.submission.findUniqueOrThrow({ where: { id: other } });
      expect(row.status).toBe("passed");
      // A fast slot frees within the budget and goes to the student with nothing in flight (the
      // slow lane's one slot is the flood's). The margin is for killing the loop and the database
      // on a busy machine; without the budget the wait would be up to the 3 s fast lane.
      expect(row.startedAt!.getTime() - row.receivedAt.getTime()).toBeLessThan(budget.wallSeconds * 1000 + 1500);
      expect(await countUnfinished(db, flood)).toBeGreaterThan(0);

      // Its author is told it is taking longer than usual once it has run for a second.
      const looping = await db.submission.findFirstOrThrow({ where: { id: { in: flood }, status: "running" } });
      const viewAt = (ms: number) => getSubmissionView(db, { user: course.students[0]!, submissionId: looping.id, now: new Date(looping.startedAt!.getTime() + ms) });
      expect(await viewAt(100)).toMatchObject({ status: "running", isTakingLonger: false });
      expect(await viewAt(1500)).toMatchObject({ status: "running", isTakingLonger: true });
    } finally {
      await queue.stop();
      await db.submission.deleteMany({ where: { id: { in: flood } } });
    }
  }, 60_000);

  it("runs a queued regrade job, restoring a grade that no longer matches the grader's", async () => {
    const regradeCourse = await createCourse(db, 1);
    const student = regradeCourse.students[0]!;
    const id = await submit(db, regradeCourse, student, CODE.correct);
    await startQueue();
    await waitFor("the verdict", async () => (await countUnfinished(db, [id])) === 0, 60_000);
    const graded = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(graded.status).toBe("passed");
    await db.submission.update({ where: { id }, data: { score: 1, status: "failed" } });

    const jobId = await storeQueuedRegrade(db, regradeCourse, student.id);
    const job = await waitForRegrade(db, jobId);
    expect(job).toMatchObject({ total: 1, done: 1, ownerToken: expect.stringMatching(new RegExp(`^regrade@${hostname()}/${process.pid}/`)) });
    expect(job.report.changes.map((c) => [c.submissionId, c.oldScore, c.newScore])).toEqual([[id, 1, graded.score]]);
    expect(await db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "passed", score: graded.score, attempt: graded.attempt });
  });

  it("re-queues a dead grader's running rows and leaves a live grader's alone", async () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadToken = `worker@${hostname()}/${child.stdout}/1/abc123`;
    const liveToken = createProcessToken("other");
    const orphan = await submit(db, course, course.students[10]!, CODE.correct);
    const held = await submit(db, course, course.students[11]!, CODE.correct);
    expect(await claimSubmission(db, { submissionId: orphan, workerId: deadToken })).toBe(true);
    expect(await claimSubmission(db, { submissionId: held, workerId: liveToken })).toBe(true);

    await startQueue();
    await waitFor("the orphan's verdict", async () => (await countUnfinished(db, [orphan])) === 0, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const rows = await finishedRows([orphan, held]);
    expect(rows.get(orphan)).toMatchObject({ status: "passed", workerId: queue!.workerId });
    expect(rows.get(held)).toMatchObject({ status: "running", workerId: liveToken });
    await db.submission.delete({ where: { id: held } });
  });

  it("records nothing for a grader whose claim passed to another, and one verdict for the new owner", async () => {
    const student = course.students[12]!;
    const id = await submit(db, course, student, CODE.correct);
    expect(await claimSubmission(db, { submissionId: id, workerId: "grader-a" })).toBe(true);
    expect(await transferSubmission(db, { submissionId: id, fromWorkerId: "grader-a", workerId: "grader-b" })).toBe(true);
    expect(await transferSubmission(db, { submissionId: id, fromWorkerId: "grader-a", workerId: "grader-c" })).toBe(false);

    expect(await processClaimedSubmission(db, { submissionId: id, workerId: "grader-a", runner })).toBe("claimed-elsewhere");
    expect(await db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "running", workerId: "grader-b", finishedAt: null });
    expect(await processClaimedSubmission(db, { submissionId: id, workerId: "grader-b", runner })).toBe("graded");
    expect(await processClaimedSubmission(db, { submissionId: id, workerId: "grader-b", runner })).toBe("claimed-elsewhere");
    expect(await db.progress.findUniqueOrThrow({ where: { userId_exerciseId: { userId: student.id, exerciseId: course.exerciseId } } })).toMatchObject({ attempts: 1 });
  });

  it("refuses a submission with 503 when the queue is full, writing nothing, but still answers a repeated click", async () => {
    const waiting = [await submit(db, course, course.students[13]!, CODE.correct), await submit(db, course, course.students[14]!, CODE.correct)];
    const first = await db.submission.findUniqueOrThrow({ where: { id: waiting[0]! } });
    const input = { assignmentId: course.assignmentId, slug: "convolution", code: CODE.correct, maxQueued: 2 };
    const refused = await createSubmission(db, { ...input, user: course.students[15]!, clientToken: "full-queue-1" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable", status: 503, message: expect.stringMatching(/queue is full.*not submitted/) });
    expect(await db.submission.count({ where: { userId: course.students[15]!.id } })).toBe(0);
    // The same click again (same token) gets its stored submission, not a refusal.
    expect(await createSubmission(db, { ...input, user: course.students[13]!, clientToken: first.clientToken! })).toEqual({ id: waiting[0], duplicate: true });
    expect(await createSubmission(db, { ...input, user: course.students[15]!, clientToken: "full-queue-2", maxQueued: 3 })).toMatchObject({ duplicate: false });
  });

  it("tells a waiting student their place and an estimate from the recent grading rate, and reports it all to the operator", async () => {
    const queued = await db.submission.findMany({ where: { status: "queued" }, orderBy: { receivedAt: "asc" } });
    expect(queued).toHaveLength(3);
    const last = queued[2]!;
    const owner = course.students.find((s) => s.id === last.userId)!;
    const view = await getSubmissionView(db, { user: owner, submissionId: last.id });
    expect(view.queuePosition).toBe(3);
    // Verdicts of the earlier tests fell within the last minute.
    expect(view.estimatedWaitSeconds).toBeGreaterThan(0);

    const health = await readGradingHealth(db, { config: readGradingConfig({ DATABASE_URL: database.url }), local: null });
    expect(health.queue).toMatchObject({ queued: 3, running: 0 });
    expect(health.recent.verdicts).toBeGreaterThanOrEqual(15);
    expect(health.recent.secondsToVerdict.p50!).toBeLessThanOrEqual(health.recent.secondsToVerdict.p95!);
    // The graders of the earlier tests worked in the window and their process (this one) lives;
    // the dead token of the recovery test is not among them.
    expect(health.graders.names.length).toBeGreaterThan(0);
    for (const name of health.graders.names) expect(name).toMatch(/^test@/);

    // A long poll ends at its timeout while nothing changes, and as soon as the status does.
    expect(await waitForSubmissionChange(db, { submissionId: last.id, fromStatus: "queued", timeoutMs: 300 })).toBeNull();
    const change = waitForSubmissionChange(db, { submissionId: last.id, fromStatus: "queued", timeoutMs: 30_000 });
    await startQueue();
    expect(await change).toMatch(/^(running|passed)$/);
    await waitFor("the last three verdicts", async () => (await countUnfinished(db, queued.map((q) => q.id))) === 0, 60_000);
    const done = await getSubmissionView(db, { user: owner, submissionId: last.id });
    expect(done).toMatchObject({ status: "passed", queuePosition: null, estimatedWaitSeconds: null, isTakingLonger: false });
  });
});

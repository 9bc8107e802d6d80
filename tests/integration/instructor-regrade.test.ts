// Regrades through the real sandbox: a stored grade that no longer matches what the grader says
// (as after a fix to an exercise's reference) is restored with the late penalty the submission
// carried, without counting a new attempt; the report names whose score changed; one
// submission's failure does not stop the rest.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { createAssignment } from "@/server/assignments/create-assignment";
import { getRegradeJob } from "@/server/regrades/get-regrade-job";
import { listRegradeJobs } from "@/server/regrades/list-regrade-jobs";
import { REGRADE_STALE_MS } from "@/server/regrades/regrade-activity";
import { emptyRegradeReport } from "@/server/regrades/regrade-report";
import { runRegradeJob } from "@/server/regrades/run-regrade-job";
import { createRegradeJob } from "@/server/regrades/create-regrade-job";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let assignmentId: string;
let exerciseId: string;
let adaSubmissionId: string;
let benSubmissionId: string;

const SOLUTION = readExerciseSource("conv-output-shape", "solution.py");
const BUGGY = readExerciseSource("conv-output-shape", "buggy/hw-swapped.py");

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  exerciseId = w.exerciseIds["conv-output-shape"]!;
  const now = Date.now();
  ({ id: assignmentId } = await createAssignment(db, {
    user: w.instructor,
    courseId: w.courseId,
    settings: {
      title: "Shapes",
      exerciseIds: [exerciseId],
      opensAt: new Date(now - 5 * DAY_MS),
      dueAt: new Date(now - 12 * 60 * 60 * 1000),
      timeZone: "UTC",
      allowLate: true,
      latePenaltyPerDay: 0.1,
      cooldownSeconds: null,
      maxAttempts: null,
      loadErrorsCostNoAttempt: true,
      scoresRelease: "immediately" as const,
      hiddenDetailsRelease: "after_due" as const,
    },
  }));
  adaSubmissionId = await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "conv-output-shape", code: SOLUTION });
  benSubmissionId = await submitAndGrade(db, runner, { user: w.otherStudent, assignmentId, slug: "conv-output-shape", code: BUGGY });
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

/** What a grader with a wrong reference would have stored: a failing grade for a right answer. */
async function corruptGrade(submissionId: string): Promise<void> {
  const submission = await db.submission.update({ where: { id: submissionId }, data: { score: 1, status: "failed" } });
  await db.progress.update({
    where: { userId_exerciseId: { userId: submission.userId, exerciseId: submission.exerciseId } },
    data: { bestScore: 1, passedAt: null },
  });
}

async function regrade(studentId: string | null, withRunner: TRunner = runner) {
  const { jobId } = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId, studentId });
  await runRegradeJob(db, { jobId, runner: withRunner });
  return getRegradeJob(db, { user: w.ta, jobId, courseId: w.courseId });
}

describe("a regrade", () => {
  it("restores the true score with the stored late penalty and reports the change", async () => {
    const graded = await db.submission.findUniqueOrThrow({ where: { id: adaSubmissionId } });
    expect(graded).toMatchObject({ status: "passed", score: 4.5, isLate: true, latePenalty: 0.1, attempt: 1 });
    const benBefore = await db.submission.findUniqueOrThrow({ where: { id: benSubmissionId } });
    expect(benBefore.status).toBe("failed");
    await corruptGrade(adaSubmissionId);
    const submissionsBefore = await db.submission.count();
    const attemptsBefore = (await db.progress.findUniqueOrThrow({ where: { userId_exerciseId: { userId: w.student.id, exerciseId } } })).attempts;

    const job = await regrade(null);

    expect(job).toMatchObject({ status: "done", total: 2, done: 2, student: null, exercise: { slug: "conv-output-shape" } });
    expect(job.finishedAt).not.toBeNull();
    expect(job.report.changes).toEqual([
      {
        submissionId: adaSubmissionId,
        userId: w.student.id,
        name: "Ada Student",
        email: w.student.email,
        attempt: 1,
        oldScore: 1,
        newScore: 4.5,
        oldStatus: "failed",
        newStatus: "passed",
      },
    ]);
    expect(job.report).toMatchObject({ unchanged: 1, failures: [], error: null });

    const regraded = await db.submission.findUniqueOrThrow({ where: { id: adaSubmissionId } });
    expect(regraded).toMatchObject({ status: "passed", score: 4.5, attempt: 1, seed: graded.seed, finishedAt: graded.finishedAt });
    expect(regraded.regradedAt).not.toBeNull();
    // Same cases as the first grading: the stored seed was used.
    expect((regraded.result as { seed: number }).seed).toBe(graded.seed);
    expect(await db.submission.count()).toBe(submissionsBefore);
    const progress = await db.progress.findUniqueOrThrow({ where: { userId_exerciseId: { userId: w.student.id, exerciseId } } });
    expect(progress).toMatchObject({ bestScore: 4.5, attempts: attemptsBefore });
    expect(progress.passedAt).not.toBeNull();
    const ben = await db.submission.findUniqueOrThrow({ where: { id: benSubmissionId } });
    expect([ben.status, ben.score]).toEqual([benBefore.status, benBefore.score]);
  });

  it("of one student leaves the others alone", async () => {
    await corruptGrade(adaSubmissionId);
    await db.submission.update({ where: { id: benSubmissionId }, data: { score: 3 } });
    const job = await regrade(w.otherStudent.id);
    expect(job).toMatchObject({ status: "done", total: 1, done: 1, student: { name: "Ben Student" } });
    expect(job.report.changes.map((c) => [c.name, c.oldScore])).toEqual([["Ben Student", 3]]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: adaSubmissionId } })).score).toBe(1);
  });

  it("keeps going when one submission cannot be graded, keeping that grade", async () => {
    const failing: TRunner = {
      run: (job) => (job.source === BUGGY ? Promise.reject(new Error("worker crashed")) : runner.run(job)),
      close: async () => {},
    };
    await db.submission.update({ where: { id: benSubmissionId }, data: { score: 3 } });
    const job = await regrade(null, failing);
    expect(job).toMatchObject({ status: "done", total: 2, done: 2 });
    expect(job.report.failures).toEqual([
      { submissionId: benSubmissionId, userId: w.otherStudent.id, name: "Ben Student", attempt: 1, reason: "runner", detail: expect.stringContaining("worker crashed") },
    ]);
    expect(job.report.changes.map((c) => [c.name, c.newScore])).toEqual([["Ada Student", 4.5]]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: benSubmissionId } })).score).toBe(3);
  });

  it("leaves submissions that are waiting for the grader alone", async () => {
    const queued = await db.submission.create({
      data: { userId: w.student.id, exerciseId, assignmentId, courseId: w.courseId, code: SOLUTION, seed: 7, mode: "submit", status: "queued", attempt: 2 },
    });
    const job = await regrade(w.student.id);
    expect(job.total).toBe(1);
    expect(await db.submission.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "queued", score: null, regradedAt: null });
    await db.submission.delete({ where: { id: queued.id } });
  });

  it("cannot be started twice for the same exercise at once", async () => {
    const { jobId } = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId, studentId: null });
    const second = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId, studentId: null }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe("conflict");
    await runRegradeJob(db, { jobId, runner });
    expect((await getRegradeJob(db, { user: w.instructor, jobId })).status).toBe("done");
  });

  it("left running by a process that died is shown as interrupted, and does not block a new one", async () => {
    const orphan = await db.regradeJob.create({
      data: { exerciseId, requestedById: w.instructor.id, status: "running", total: 2, done: 1, report: emptyRegradeReport(w.courseId) },
    });
    const overview = await listRegradeJobs(db, { user: w.instructor, courseId: w.courseId });
    expect(overview.jobs.find((j) => j.id === orphan.id)?.status).toBe("failed");
    expect((await getRegradeJob(db, { user: w.instructor, jobId: orphan.id })).report.error).toBe("interrupted");
    const fresh = await regrade(null);
    expect(fresh.status).toBe("done");
  });

  it("lists the course's jobs newest first with their counts, and offers the course's exercises", async () => {
    const overview = await listRegradeJobs(db, { user: w.ta, courseId: w.courseId });
    expect(overview.canStart).toBe(false);
    expect(overview.jobs.length).toBe(7);
    expect(overview.jobs.at(-1)).toMatchObject({ status: "done", total: 2, done: 2, changed: 1, failed: 0 });
    expect(overview.exercises.map((e) => e.slug)).toContain("conv-output-shape");
    expect(overview.students.map((s) => s.name)).toEqual(["Ada Student", "Ben Student"]);
  });
});

describe("a regrade job with several web servers", () => {
  /** A process token (src/server/grading-queue/process-token.ts) for a process on this host. */
  const tokenFor = (pid: number, startTicks: string) => `regrade@${hostname()}/${pid}/${startTicks}/abc123`;
  const startTicksOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
  };
  const runningJob = (data: { ownerToken: string | null; heartbeatAt: Date | null }) =>
    db.regradeJob.create({
      data: { exerciseId, requestedById: w.instructor.id, status: "running", total: 2, done: 1, report: emptyRegradeReport(w.courseId), ...data },
    });
  const statusOf = async (jobId: string) => (await getRegradeJob(db, { user: w.instructor, jobId })).status;

  it("leaves a job that another live process runs alone, and blocks a second one meanwhile", async () => {
    // The test runner's parent process stands in for another web server on this machine.
    const job = await runningJob({ ownerToken: tokenFor(process.ppid, startTicksOf(process.ppid)), heartbeatAt: new Date(Date.now() - 10 * 60_000) });
    expect(await statusOf(job.id)).toBe("running");
    expect((await listRegradeJobs(db, { user: w.instructor, courseId: w.courseId })).jobs.find((j) => j.id === job.id)?.status).toBe("running");
    const second = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId, studentId: null }).catch((e: unknown) => e);
    expect((second as AppError).code).toBe("conflict");
    await db.regradeJob.update({ where: { id: job.id }, data: { status: "done" } });
  });

  it("calls a job interrupted when its owner on this host is gone, even with a fresh heartbeat", async () => {
    const job = await runningJob({ ownerToken: tokenFor(process.pid, "1"), heartbeatAt: new Date() });
    expect(await statusOf(job.id)).toBe("failed");
    expect((await getRegradeJob(db, { user: w.instructor, jobId: job.id })).report.error).toBe("interrupted");
  });

  it("trusts another host's job while it writes, and calls it interrupted after 2 silent minutes", async () => {
    const owner = "regrade@another-host/4242/12345/abc123";
    const writing = await runningJob({ ownerToken: owner, heartbeatAt: new Date(Date.now() - 30_000) });
    const silent = await runningJob({ ownerToken: owner, heartbeatAt: new Date(Date.now() - REGRADE_STALE_MS - 1000) });
    expect(await statusOf(writing.id)).toBe("running");
    expect(await statusOf(silent.id)).toBe("failed");
    await db.regradeJob.update({ where: { id: writing.id }, data: { status: "done" } });
  });

  it("stops a job that another server declared interrupted instead of bringing it back", async () => {
    const { jobId } = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId, studentId: null });
    expect((await db.regradeJob.findUniqueOrThrow({ where: { id: jobId } })).ownerToken).toMatch(new RegExp(`^regrade@${hostname()}/${process.pid}/`));
    await db.regradeJob.update({ where: { id: jobId }, data: { status: "failed", finishedAt: new Date() } });
    await runRegradeJob(db, { jobId, runner });
    expect(await db.regradeJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "failed", done: 0 });
  });
});

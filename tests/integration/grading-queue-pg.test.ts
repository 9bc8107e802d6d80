// Grading through pg-boss on a real PostgreSQL (CONVLAB_TEST_PG_URL; CI starts one) with the real
// sandbox: a worker grades enqueued submissions once each; a student's second submission waits
// behind everybody's first; a flood of endless loops delays another student by at most the
// exercise's short budget; a dead worker's job expires and its successor takes the submission
// over while the dead one's late write is fenced off; the slow lane; a job that fails every retry
// ends as not gradable; the reconciler sends the job a crash never sent; live graders are listed;
// a worker runs regrade jobs from the same pg-boss instance.
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { getShortBudget } from "@/server/grading-queue/short-budgets";
import { listLiveGraders, startPresence } from "@/server/grading-queue/grader-presence";
import {
  DEAD_QUEUE,
  enqueueGrading,
  enqueueRegrade,
  FAST_QUEUE,
  PgBossGradingWorker,
  REGRADE_QUEUE,
  SLOW_QUEUE,
  startGradingBoss,
  type TWorkerConfig,
} from "@/server/grading-queue/pg-boss-grading";
import { jobIdFor } from "@/server/grading-queue/job-id";
import { claimSubmission, processClaimedSubmission } from "@/server/grading-queue/process-submission";
import { readGradingHealth } from "@/server/grading-queue/read-grading-health";
import { CODE, countUnfinished, createCourse, storeQueuedRegrade, submit, waitFor, waitForRegrade, type TCourse } from "../support/course-fixtures";
import { createPostgresDatabase, pgServerUrl, type TTestDatabase } from "../support/test-database";

const CONFIG: TWorkerConfig = { poolSize: 2, slowLaneSlots: 1, fastLaneLimits: { cpuSeconds: 1, wallSeconds: 1 }, pollMs: 100, leaseMarginSeconds: 1 };

if (!pgServerUrl) console.warn("[grading-queue-pg.test] skipped: CONVLAB_TEST_PG_URL is not set (scripts/pg-test-server.sh starts a server).");

describe.skipIf(!pgServerUrl)("grading through pg-boss on PostgreSQL", () => {
  let database: TTestDatabase;
  let db: TDb;
  let boss: PgBoss;
  let runner: TRunner;
  let course: TCourse;
  let worker: PgBossGradingWorker | null = null;

  beforeAll(async () => {
    database = await createPostgresDatabase("grading_queue");
    db = database.db;
    boss = await startGradingBoss({ url: database.url, role: "worker", maintenanceSeconds: 1 });
    runner = createRunner({ poolSize: 2 });
    course = await createCourse(db, 12);
  }, 180_000);

  afterEach(async () => {
    await worker?.stop();
    worker = null;
  });

  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await runner?.close();
    await database?.drop();
  });

  function startWorker(config: Partial<TWorkerConfig> = {}): PgBossGradingWorker {
    worker = new PgBossGradingWorker({ db, boss, runner, config: { ...CONFIG, ...config }, name: "test-worker" });
    worker.start();
    return worker;
  }

  const enqueue = (submissionId: string, userId: string) => enqueueGrading(boss, db, { submissionId, userId, config: CONFIG });
  const jobState = async (queue: string, submissionId: string, lane: "fast" | "slow") => (await boss.getJobById(queue, jobIdFor(submissionId, lane)))?.state ?? null;

  it("grades enqueued submissions once each and completes their jobs", async () => {
    const [ada, ben] = course.students;
    const ids = [await submit(db, course, ada!, CODE.correct), await submit(db, course, ben!, CODE.buggy)];
    for (const [i, id] of ids.entries()) await enqueue(id, course.students[i]!.id);
    // Sending again (a retried request, the reconciler) adds no second job.
    await enqueue(ids[0]!, ada!.id);
    expect(await boss.getQueueSize(FAST_QUEUE)).toBe(2);

    startWorker();
    await waitFor("two verdicts", async () => (await countUnfinished(db, ids)) === 0, 60_000);
    const rows = await db.submission.findMany({ where: { id: { in: ids } }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["passed", "failed"]);
    // A job is completed just after its verdict is written: wait for both, not for one and then look at the other.
    await waitFor("completed jobs", async () => (await jobState(FAST_QUEUE, ids[1]!, "fast")) === "completed", 5_000);
    await waitFor("completed jobs", async () => (await jobState(FAST_QUEUE, ids[0]!, "fast")) === "completed", 5_000);
    expect(await db.progress.findFirstOrThrow({ where: { userId: ada!.id } })).toMatchObject({ attempts: 1, bestScore: 10 });
  });

  it("lets a student's second submission wait behind everybody's first", async () => {
    const [, , a, b, c] = course.students;
    const a1 = await submit(db, course, a!, CODE.correct);
    await enqueue(a1, a!.id);
    const a2 = await submit(db, course, a!, CODE.correct);
    await enqueue(a2, a!.id);
    const b1 = await submit(db, course, b!, CODE.correct);
    await enqueue(b1, b!.id);
    const c1 = await submit(db, course, c!, CODE.correct);
    await enqueue(c1, c!.id);

    startWorker({ poolSize: 1 });
    await waitFor("four verdicts", async () => (await countUnfinished(db, [a1, a2, b1, c1])) === 0, 60_000);
    const rows = await db.submission.findMany({ where: { id: { in: [a1, a2, b1, c1] } } });
    const byStart = rows.sort((x, y) => x.startedAt!.getTime() - y.startedAt!.getTime()).map((row) => row.id);
    // First come, first served would be a1, a2, b1, c1.
    expect(byStart).toEqual([a1, b1, c1, a2]);
  });

  it("lets a student flooding endless loops delay another student's submission by at most the short budget", async () => {
    // As long a fast lane as the exercise's 3 s wall limit: only the measured budget keeps it short.
    const ceiling = { cpuSeconds: 1, wallSeconds: 3 };
    const budget = await getShortBudget({ exercise: "convolution", runner, ceiling });
    expect(budget.wallSeconds).toBeLessThan(1);
    const [flooder, other] = [course.students[10], course.students[11]];
    const flood: string[] = [];
    // Two: as many as a student may have in flight (createSubmission refuses more).
    for (let i = 0; i < 2; i += 1) {
      flood.push(await submit(db, course, flooder!, CODE.endless));
      await enqueue(flood[i]!, flooder!.id);
    }
    startWorker({ fastLaneLimits: ceiling });
    await waitFor("both sandboxes held by the flood", async () => (await db.submission.count({ where: { id: { in: flood }, status: "running" } })) >= 2, 30_000, 20);
    const id = await submit(db, course, other!, CODE.correct);
    await enqueue(id, other!.id);
    worker!.wake();
    await waitFor("the other student's verdict", async () => (await countUnfinished(db, [id])) === 0, 30_000, 20);
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("passed");
    // The margin is for killing the loop, pg-boss and the database on a busy machine.
    expect(row.startedAt!.getTime() - row.receivedAt.getTime()).toBeLessThan(budget.wallSeconds * 1000 + 1500);
    expect(await countUnfinished(db, flood)).toBeGreaterThan(0);
    await waitFor("the flood's verdicts", async () => (await countUnfinished(db, flood)) === 0, 60_000);
  }, 90_000);

  it("gives a dead worker's submission to the next delivery after the lease, and fences off the dead one's late write", async () => {
    const student = course.students[5]!;
    const id = await submit(db, course, student, CODE.correct);
    await enqueue(id, student.id);
    // A worker fetches and claims it, then "dies": it never finishes or completes the job.
    const [job] = await boss.fetch<unknown>(FAST_QUEUE, { includeMetadata: true });
    expect(job!.id).toBe(jobIdFor(id, "fast"));
    const deadToken = `fast:${job!.id}:0@dead-worker`;
    expect(await claimSubmission(db, { submissionId: id, workerId: deadToken })).toBe(true);

    startWorker();
    // The lease is 1 s of fast lane + 1 s of margin; maintenance runs every second.
    await waitFor("the verdict after the lease", async () => (await countUnfinished(db, [id])) === 0, 30_000);
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("passed");
    expect(row.workerId).toMatch(new RegExp(`^fast:${job!.id}:1@test-worker$`));

    // The presumed-dead worker was only slow: its verdict must not be recorded a second time.
    expect(await processClaimedSubmission(db, { submissionId: id, workerId: deadToken, runner })).toBe("claimed-elsewhere");
    expect(await db.progress.findFirstOrThrow({ where: { userId: student.id } })).toMatchObject({ attempts: 1 });
  });

  it("hands a submission that outlives the fast lane to the slow queue, graded under the exercise's limits", async () => {
    const student = course.students[6]!;
    const slow = await submit(db, course, student, CODE.sleepy(2));
    await enqueue(slow, student.id);
    startWorker();
    await waitFor("the slow-lane verdict", async () => (await countUnfinished(db, [slow])) === 0, 60_000);
    expect(await db.submission.findUniqueOrThrow({ where: { id: slow } })).toMatchObject({ status: "passed", score: 10 });
    expect((await db.submission.findUniqueOrThrow({ where: { id: slow } })).workerId).toMatch(/^slow:/);
    await waitFor("both jobs completed", async () => (await jobState(SLOW_QUEUE, slow, "slow")) === "completed", 5_000);
    expect(await jobState(FAST_QUEUE, slow, "fast")).toBe("completed");
  });

  it("records a submission whose job failed every retry as not gradable, costing no attempt", async () => {
    const student = course.students[7]!;
    const id = await submit(db, course, student, CODE.correct);
    await boss.send(FAST_QUEUE, { submissionId: id, lane: "fast" }, { id: jobIdFor(id, "fast"), retryLimit: 0, expireInSeconds: 1, deadLetter: DEAD_QUEUE });
    const [job] = await boss.fetch<unknown>(FAST_QUEUE);
    expect(await claimSubmission(db, { submissionId: id, workerId: `fast:${job!.id}:0@dead-worker` })).toBe(true);

    startWorker();
    await waitFor("not gradable", async () => (await db.submission.findUniqueOrThrow({ where: { id } })).status === "not_gradable", 30_000);
    expect(await db.progress.findFirst({ where: { userId: student.id } })).toBeNull();
  });

  it("re-sends the job of a stored submission whose job was never sent or was completed too early", async () => {
    const [never, early] = [course.students[8]!, course.students[9]!];
    const neverSent = await submit(db, course, never, CODE.correct, new Date(Date.now() - 60_000));
    const completedEarly = await submit(db, course, early, CODE.correct, new Date(Date.now() - 60_000));
    await enqueue(completedEarly, early.id);
    const [job] = await boss.fetch<unknown>(FAST_QUEUE);
    await boss.complete(FAST_QUEUE, job!.id);

    const reconciler = startWorker();
    await reconciler.reconcile();
    await waitFor("both verdicts", async () => (await countUnfinished(db, [neverSent, completedEarly])) === 0, 60_000);
    expect(await db.submission.count({ where: { id: { in: [neverSent, completedEarly] }, status: "passed" } })).toBe(2);
  });

  it("runs regrade jobs in a worker, and re-sends the job of a queued regrade whose job was never sent", async () => {
    const regradeCourse = await createCourse(db, 2);
    const [ada, ben] = regradeCourse.students;
    const ids = [await submit(db, regradeCourse, ada!, CODE.correct), await submit(db, regradeCourse, ben!, CODE.correct)];
    for (const [i, id] of ids.entries()) await enqueue(id, regradeCourse.students[i]!.id);
    const regradeWorker = startWorker();
    await waitFor("two verdicts", async () => (await countUnfinished(db, ids)) === 0, 60_000);
    const scores = (await db.submission.findMany({ where: { id: { in: ids } }, orderBy: { receivedAt: "asc" } })).map((row) => row.score);
    await db.submission.updateMany({ where: { id: { in: ids } }, data: { score: 1, status: "failed" } });

    const sent = await storeQueuedRegrade(db, regradeCourse, ada!.id);
    await enqueueRegrade(boss, { regradeJobId: sent });
    // The web server died between storing this one and sending its job.
    const lost = await storeQueuedRegrade(db, regradeCourse, ben!.id, new Date(Date.now() - 60_000));

    const done = await waitForRegrade(db, sent);
    expect(done).toMatchObject({ total: 1, done: 1, ownerToken: expect.stringMatching(/^regrade@/) });
    expect(done.report.changes.map((c) => [c.submissionId, c.newScore])).toEqual([[ids[0], scores[0]]]);
    await waitFor("the completed regrade job", async () => (await boss.getJobById(REGRADE_QUEUE, jobIdFor(sent, "regrade")))?.state === "completed", 5_000);

    await regradeWorker.reconcile();
    const recovered = await waitForRegrade(db, lost);
    expect(recovered.report.changes.map((c) => [c.submissionId, c.newScore])).toEqual([[ids[1], scores[1]]]);
    expect(await db.submission.count({ where: { id: { in: ids }, status: "passed" } })).toBe(2);
  });

  it("lists a grading process as alive exactly while its presence connection is open", async () => {
    const presence = await startPresence({ url: database.url, name: "presence-test" });
    expect((await listLiveGraders(db)).map((grader) => grader.name)).toContain("presence-test");
    const health = await readGradingHealth(db, { config: readGradingConfig({ DATABASE_URL: database.url }), local: null });
    expect(health).toMatchObject({ mode: "pg-boss", status: "ok", queue: { queued: 0, running: 0 } });
    expect(health.graders.names).toContain("presence-test");
    expect(health.recent.verdicts).toBeGreaterThanOrEqual(10);
    await presence.stop();
    await waitFor("the connection to close", async () => !(await listLiveGraders(db)).some((grader) => grader.name === "presence-test"), 5_000);
  });
});

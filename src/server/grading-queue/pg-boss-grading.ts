// Grading on PostgreSQL: the web server stores a submission (queued) and sends a pg-boss job;
// workers on any number of machines (`npm run worker`) fetch jobs and grade them. pg-boss gives
// every delivery a lease (the job's expiry: the longest the grading may legitimately take plus a
// margin); when a worker dies, its jobs expire and are delivered again, up to a retry limit, then
// dead-lettered and recorded as not gradable. The submission row's workerId names the current
// delivery and fences every write (see process-submission.ts), so a verdict is recorded once even
// when a presumed-dead worker was only slow.
//
// Lanes: the fast queue grades under each exercise's short budget (short-budgets.ts, the same
// rule as the SQLite queue); a submission that times out there is handed to the slow queue and graded under the exercise's own limits by a few slots per worker, so
// endless loops do not hold up everyone else. Fairness: a job's priority is minus the number of
// the student's other submissions in flight when it was sent, so a student's second submission
// waits behind everybody's first. A reconciler heals what a crash between two steps can leave
// (a stored submission whose job was never sent), so no submission depends on one lucky write.
//
// Regrades are jobs on the same pg-boss instance (convlab-regrade): a worker runs one regrade
// at a time beside its gradings, on the same runner; the job's row fences it (see
// run-regrade-job.ts), and the reconciler re-sends the job of a regrade still queued.
//
// LMS grade passback (issue 15) is a third kind of job (convlab-lti-score, see
// src/server/lti/score-sync-jobs.ts): after each grading or regrade the worker sends the jobs of
// the scores it changed, runs a few posts at once, and its reconciler re-sends every pending one.
import PgBoss from "pg-boss";
import { z } from "zod";
import { readExerciseMeta } from "@/grading/exercise-files";
import type { TRunner } from "@/grading/runner";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { deliverScoreSyncJob, enqueueScoreSyncs, LTI_SCORE_QUEUE } from "@/server/lti/score-sync-jobs";
import { runRegradeJob } from "@/server/regrades/run-regrade-job";
import { takeSimilarityReport } from "@/server/similarity/take-similarity-report";
import { IN_FLIGHT_STATUSES } from "@/server/submissions/submission-status";
import type { TGradingConfig } from "./grading-config";
import { jobIdFor } from "./job-id";
import { claimSubmission, processClaimedSubmission, transferSubmission, type TProcessOutcome } from "./process-submission";
import { getShortBudget } from "./short-budgets";

export const FAST_QUEUE = "convlab-grading";
export const SLOW_QUEUE = "convlab-grading-slow";
export const DEAD_QUEUE = "convlab-grading-dead";
export const REGRADE_QUEUE = "convlab-regrade";
/** Regrades a worker runs at once: one, so students' own gradings keep the pool. */
const REGRADE_SLOTS = 1;
/** LMS score posts a worker runs at once: they wait on the network, not on the runner. */
const SCORE_SYNC_SLOTS = 4;
/**
 * A regrade delivery's lease. It only matters when a worker dies before claiming the job (then
 * the job is delivered again); a job claimed and then lost is found interrupted by its owner's
 * token and heartbeat, like any regrade, and a late delivery finds it no longer queued.
 */
const REGRADE_LEASE_SECONDS = 3600;
/** The token of a submission handed to the slow lane and not yet picked up there. */
const SLOW_PENDING = "slow-pending";

const RETRY_LIMIT = 3;
const RETRY_DELAY_SECONDS = 2;
/** Unfinished submissions older than this are checked for a live job. */
const RECONCILE_AFTER_MS = 15_000;
const RECONCILE_EVERY_MS = 15_000;
const DEAD_LETTERS_EVERY_MS = 5_000;
/** Jobs the reconciler leaves alone; a failed one belongs to the dead-letter handling. */
const LIVE_JOB_STATES = new Set(["created", "retry", "active", "failed"]);
/** A regrade job has no dead-letter handling: one that failed every retry is sent again. */
const LIVE_REGRADE_JOB_STATES = new Set(["created", "retry", "active"]);

type TLane = "fast" | "slow";
const ZRegradeJob = z.object({ regradeJobId: z.string().min(1).max(64) });

const ZGradingJob = z.object({ submissionId: z.string().min(1).max(64), lane: z.enum(["fast", "slow"]) });
type TGradingJob = z.infer<typeof ZGradingJob>;

const QUEUE_OF: Record<TLane, string> = { fast: FAST_QUEUE, slow: SLOW_QUEUE };

/** Which lane owns a running submission, read from its token ("fast:…", "slow:…", "slow-pending"). */
function laneOfToken(token: string | null): TLane {
  return token?.startsWith("slow") ? "slow" : "fast";
}

/** Starts pg-boss (installing its schema on first use) and creates the grading queues. */
export async function startGradingBoss(options: { url: string; role: "web" | "worker"; maintenanceSeconds: number }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    application_name: `convlab-${options.role}`,
    // Maintenance expires the jobs of dead workers: only grading processes need to run it.
    supervise: options.role === "worker",
    maintenanceIntervalSeconds: options.maintenanceSeconds,
    schedule: false,
    max: 4,
  });
  boss.on("error", (error) => log("grading", "error", "pg-boss error", { error: String(error) }));
  await boss.start();
  await boss.createQueue(DEAD_QUEUE);
  await boss.createQueue(FAST_QUEUE, { name: FAST_QUEUE, deadLetter: DEAD_QUEUE });
  await boss.createQueue(SLOW_QUEUE, { name: SLOW_QUEUE, deadLetter: DEAD_QUEUE });
  await boss.createQueue(REGRADE_QUEUE);
  await boss.createQueue(LTI_SCORE_QUEUE);
  return boss;
}

/** Sends the job of a stored (queued) regrade; sending twice inserts nothing. */
export async function enqueueRegrade(boss: PgBoss, options: { regradeJobId: string }): Promise<void> {
  await boss.send(REGRADE_QUEUE, { regradeJobId: options.regradeJobId }, {
    id: jobIdFor(options.regradeJobId, "regrade"),
    expireInSeconds: REGRADE_LEASE_SECONDS,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
  });
}

async function sendJob(boss: PgBoss, job: TGradingJob, options: { priority: number; expireInSeconds: number }): Promise<void> {
  await boss.send(QUEUE_OF[job.lane], job, {
    id: jobIdFor(job.submissionId, job.lane),
    priority: options.priority,
    expireInSeconds: options.expireInSeconds,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    deadLetter: DEAD_QUEUE,
  });
}

function fastLeaseSeconds(config: Pick<TGradingConfig, "fastLaneLimits" | "leaseMarginSeconds">): number {
  return Math.ceil(config.fastLaneLimits.wallSeconds + config.leaseMarginSeconds);
}

/** Sends the fast-lane job of a stored submission, behind the student's earlier ones still in flight. */
export async function enqueueGrading(
  boss: PgBoss,
  db: TDb,
  options: { submissionId: string; userId: string; config: Pick<TGradingConfig, "fastLaneLimits" | "leaseMarginSeconds"> },
): Promise<void> {
  const othersInFlight = await db.submission.count({
    where: { userId: options.userId, status: { in: [...IN_FLIGHT_STATUSES] }, id: { not: options.submissionId } },
  });
  await sendJob(boss, { submissionId: options.submissionId, lane: "fast" }, { priority: -othersInFlight, expireInSeconds: fastLeaseSeconds(options.config) });
}

export type TWorkerConfig = Pick<TGradingConfig, "poolSize" | "slowLaneSlots" | "fastLaneLimits" | "pollMs" | "leaseMarginSeconds">;

export interface TWorkerState {
  worker: string;
  poolSize: number;
  fastActive: number;
  slowActive: number;
}

type TDeliveryOutcome = TProcessOutcome | "already-finished" | "owned-elsewhere" | "in-slow-lane";

export class PgBossGradingWorker {
  /** pg-boss job id → its lane, for the deliveries this process is grading */
  private readonly active = new Map<string, TLane>();
  /** pg-boss job ids of the regrades this process runs */
  private readonly regrading = new Set<string>();
  /** pg-boss job ids of the LMS score posts this process runs */
  private readonly scoreSyncing = new Set<string>();
  private isComparing = false;
  private stopped = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private lastDeadLetterCheck = 0;
  private reconciling = false;
  private reconcileTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: { db: TDb; boss: PgBoss; runner: TRunner; config: TWorkerConfig; name: string },
  ) {}

  start(): void {
    this.loopDone = this.loop();
    this.reconcileTimer = setInterval(() => void this.reconcile(), RECONCILE_EVERY_MS);
    this.reconcileTimer.unref();
    const { poolSize, slowLaneSlots } = this.options.config;
    log("grading", "info", "grading worker started", { worker: this.options.name, poolSize, slowLaneSlots });
  }

  /** Stops fetching and waits (up to timeoutMs) for the gradings in progress; unfinished ones expire and go to another worker. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.stopped = true;
    clearInterval(this.reconcileTimer);
    this.wakeUp?.();
    const deadline = Date.now() + timeoutMs;
    await this.loopDone;
    while (this.active.size + this.regrading.size + this.scoreSyncing.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  get state(): TWorkerState {
    const lanes = [...this.active.values()];
    return {
      worker: this.options.name,
      poolSize: this.options.config.poolSize,
      fastActive: lanes.filter((lane) => lane === "fast").length,
      slowActive: lanes.filter((lane) => lane === "slow").length,
    };
  }

  /** Lets a worker in the web process start at once on a job it just sent. */
  wake(): void {
    this.wakeUp?.();
  }

  private get room(): number {
    return this.options.config.poolSize - this.active.size;
  }

  private async loop(): Promise<void> {
    const { config, boss } = this.options;
    while (!this.stopped) {
      let fetched = 0;
      try {
        // The slow lane first, within its slots: fast-lane slots free up within seconds anyway.
        const slowRoom = Math.min(config.slowLaneSlots - this.state.slowActive, this.room);
        if (slowRoom > 0) fetched += this.dispatch(await boss.fetch(SLOW_QUEUE, { batchSize: slowRoom, includeMetadata: true }), "slow");
        if (this.room > 0) fetched += this.dispatch(await boss.fetch(FAST_QUEUE, { batchSize: this.room, includeMetadata: true, priority: true }), "fast");
        if (this.regrading.size < REGRADE_SLOTS) {
          const regrades = await boss.fetch(REGRADE_QUEUE, { batchSize: REGRADE_SLOTS - this.regrading.size });
          for (const job of regrades) {
            this.regrading.add(job.id);
            void this.handleRegrade(job);
          }
        }
        if (this.scoreSyncing.size < SCORE_SYNC_SLOTS) {
          for (const job of await boss.fetch(LTI_SCORE_QUEUE, { batchSize: SCORE_SYNC_SLOTS - this.scoreSyncing.size })) {
            this.scoreSyncing.add(job.id);
            void this.handleScoreSync(job);
          }
        }
        // Similarity reports are rows of their own table, claimed the same way on both databases.
        if (!this.isComparing) {
          this.isComparing = true;
          void takeSimilarityReport(this.options.db).finally(() => (this.isComparing = false));
        }
        if (Date.now() - this.lastDeadLetterCheck > DEAD_LETTERS_EVERY_MS) await this.handleDeadLetters();
      } catch (error) {
        log("grading", "error", "could not fetch grading jobs", { worker: this.options.name, error: String(error) });
      }
      if (fetched === 0 || this.room === 0) await this.nap(config.pollMs);
    }
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private dispatch(jobs: PgBoss.JobWithMetadata<unknown>[], lane: TLane): number {
    for (const job of jobs) {
      this.active.set(job.id, lane);
      void this.handle(job, lane);
    }
    return jobs.length;
  }

  private async handle(job: PgBoss.JobWithMetadata<unknown>, lane: TLane): Promise<void> {
    const { boss, name } = this.options;
    const started = Date.now();
    const token = `${lane}:${job.id}:${job.retryCount}@${name}`;
    try {
      const { submissionId } = ZGradingJob.parse(job.data);
      const outcome = await this.gradeDelivery(submissionId, lane, token);
      // A fenced delivery was presumed dead and its job given to another delivery: that one completes it.
      if (outcome !== "claimed-elsewhere") await boss.complete(QUEUE_OF[lane], job.id);
      await this.sendScoreSyncs();
      log("grading", "info", outcome === "needs-slow-lane" ? "moved to the slow lane" : "graded", {
        submissionId,
        lane,
        outcome,
        attempt: job.retryCount + 1,
        ms: Date.now() - started,
        worker: name,
      });
    } catch (error) {
      log("grading", "error", "grading job failed; pg-boss will retry it", { jobId: job.id, lane, attempt: job.retryCount + 1, error: String(error) });
      await boss.fail(QUEUE_OF[lane], job.id, { message: String(error) }).catch(() => {});
    } finally {
      this.active.delete(job.id);
      this.wakeUp?.();
    }
  }

  /** A regrade delivery: runs the job if it is still queued (runRegradeJob claims it and never rejects). */
  private async handleRegrade(job: PgBoss.Job<unknown>): Promise<void> {
    const { boss, db, runner, name } = this.options;
    try {
      const { regradeJobId } = ZRegradeJob.parse(job.data);
      const outcome = await runRegradeJob(db, { jobId: regradeJobId, runner });
      await boss.complete(REGRADE_QUEUE, job.id);
      log("regrade", "info", "regrade delivery done", { regradeJobId, outcome, worker: name });
      await this.sendScoreSyncs();
    } catch (error) {
      log("grading", "error", "regrade job failed; pg-boss will retry it", { jobId: job.id, error: String(error) });
      await boss.fail(REGRADE_QUEUE, job.id, { message: String(error) }).catch(() => {});
    } finally {
      this.regrading.delete(job.id);
      this.wakeUp?.();
    }
  }

  /** Sends the LMS score jobs of grades just changed; a failure is healed by the reconciler. */
  private async sendScoreSyncs(): Promise<void> {
    await enqueueScoreSyncs(this.options.boss, this.options.db).catch((error: unknown) => log("lti", "error", "could not send LMS score jobs; the reconciler will", { error: String(error) }));
  }

  /** An LMS score delivery: the row is claimed under the delivery's token; a retryable failure schedules its next job. */
  private async handleScoreSync(job: PgBoss.Job<unknown>): Promise<void> {
    const { boss, db, name } = this.options;
    try {
      const outcome = await deliverScoreSyncJob(boss, db, { data: job.data, ownerToken: `lti:${job.id}@${name}` });
      await boss.complete(LTI_SCORE_QUEUE, job.id);
      log("lti", "info", "lti score delivery done", { jobId: job.id, outcome, worker: name });
    } catch (error) {
      log("lti", "error", "lti score job failed; pg-boss will retry it", { jobId: job.id, error: String(error) });
      await boss.fail(LTI_SCORE_QUEUE, job.id, { message: String(error) }).catch(() => {});
    } finally {
      this.scoreSyncing.delete(job.id);
    }
  }

  /** One delivery: claim (or take over from an expired delivery of the same lane), grade, record or hand over. */
  private async gradeDelivery(submissionId: string, lane: TLane, token: string): Promise<TDeliveryOutcome> {
    const { db, runner } = this.options;
    const row = await db.submission.findUnique({ where: { id: submissionId }, select: { status: true, workerId: true, exercise: { select: { slug: true } } } });
    if (!row || (row.status !== "queued" && row.status !== "running")) return "already-finished";
    if (row.status === "running" && laneOfToken(row.workerId) !== lane) {
      // A fast delivery of a submission already handed over: make sure its slow job exists.
      if (lane === "fast") await this.sendSlowJob(submissionId, row.exercise.slug);
      return lane === "fast" ? "in-slow-lane" : "owned-elsewhere";
    }
    const isClaimed =
      row.status === "queued"
        ? await claimSubmission(db, { submissionId, workerId: token })
        : await transferSubmission(db, { submissionId, fromWorkerId: row.workerId!, workerId: token });
    if (!isClaimed) return "claimed-elsewhere";

    const fastLane = lane === "fast" ? await getShortBudget({ runner, exercise: row.exercise.slug, ceiling: this.options.config.fastLaneLimits }) : undefined;
    const outcome = await processClaimedSubmission(db, { submissionId, workerId: token, runner, fastLane });
    if (outcome !== "needs-slow-lane") return outcome;
    // The hand-over is written before the slow job is sent: a crash in between leaves a fast job
    // that expires, is delivered again, finds the hand-over and sends the slow job then.
    if (!(await transferSubmission(db, { submissionId, fromWorkerId: token, workerId: SLOW_PENDING }))) return "claimed-elsewhere";
    await this.sendSlowJob(submissionId, row.exercise.slug);
    return outcome;
  }

  private async sendSlowJob(submissionId: string, slug: string): Promise<void> {
    const meta = await readExerciseMeta(slug);
    await sendJob(this.options.boss, { submissionId, lane: "slow" }, { priority: 0, expireInSeconds: Math.ceil(meta.limits.wallSeconds + this.options.config.leaseMarginSeconds) });
  }

  /** Jobs that failed every retry: their submissions are recorded as not gradable, which costs no attempt. */
  private async handleDeadLetters(): Promise<void> {
    this.lastDeadLetterCheck = Date.now();
    const { boss, db } = this.options;
    for (const job of await boss.fetch<unknown>(DEAD_QUEUE, { batchSize: 10 })) {
      const parsed = ZGradingJob.safeParse(job.data);
      if (parsed.success) {
        const { submissionId, lane } = parsed.data;
        const row = await db.submission.findUnique({ where: { id: submissionId }, select: { status: true, workerId: true } });
        // Only while the dead job's lane still owns the row: the other lane may be grading it.
        const isOwnedByLane = row?.status === "queued" ? lane === "fast" : row?.status === "running" && laneOfToken(row.workerId) === lane;
        if (row && isOwnedByLane) {
          await db.submission.updateMany({
            where: { id: submissionId, status: row.status, workerId: row.workerId },
            data: { status: "not_gradable", finishedAt: new Date() },
          });
          log("grading", "error", "gave up grading a submission after every retry failed", { submissionId, lane });
        }
      }
      await boss.complete(DEAD_QUEUE, job.id);
    }
  }

  /** Re-sends the job of every regrade still queued whose job is missing or over (e.g. its web server died before sending it). */
  private async reconcileRegrades(): Promise<void> {
    const { db, boss } = this.options;
    const queued = await db.regradeJob.findMany({
      where: { status: "queued", createdAt: { lt: new Date(Date.now() - RECONCILE_AFTER_MS) } },
      select: { id: true },
    });
    for (const { id: regradeJobId } of queued) {
      const id = jobIdFor(regradeJobId, "regrade");
      const state = (await boss.getJobById(REGRADE_QUEUE, id))?.state;
      if (state && LIVE_REGRADE_JOB_STATES.has(state)) continue;
      if (state) await boss.deleteJob(REGRADE_QUEUE, id);
      await enqueueRegrade(boss, { regradeJobId });
      log("grading", "warn", "re-sent the job of a queued regrade", { regradeJobId, previousJobState: state ?? "missing" });
    }
  }

  /** Gives every unfinished submission a live job again: one whose job was never sent, or completed too early. */
  async reconcile(): Promise<void> {
    if (this.reconciling || this.stopped) return;
    this.reconciling = true;
    const { db, boss, config } = this.options;
    try {
      const rows = await db.submission.findMany({
        where: { status: { in: [...IN_FLIGHT_STATUSES] }, receivedAt: { lt: new Date(Date.now() - RECONCILE_AFTER_MS) } },
        select: { id: true, status: true, workerId: true, userId: true, exercise: { select: { slug: true } } },
        take: 5000,
      });
      await this.reconcileRegrades();
      await enqueueScoreSyncs(boss, db, { all: true });
      if (rows.length === 0) return;
      const wanted = rows.map((row) => ({ row, lane: row.status === "queued" ? ("fast" as const) : laneOfToken(row.workerId) }));
      const states = new Map<string, string>();
      for (const lane of ["fast", "slow"] as const) {
        const ids = wanted.filter((w) => w.lane === lane).map((w) => jobIdFor(w.row.id, lane));
        if (ids.length === 0) continue;
        const { rows: jobs } = await boss.getDb().executeSql("SELECT id::text AS id, state::text AS state FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])", [
          QUEUE_OF[lane],
          ids,
        ]);
        for (const job of jobs as { id: string; state: string }[]) states.set(job.id, job.state);
      }
      for (const { row, lane } of wanted) {
        const id = jobIdFor(row.id, lane);
        const state = states.get(id);
        if (state && LIVE_JOB_STATES.has(state)) continue;
        if (state) await boss.deleteJob(QUEUE_OF[lane], id);
        if (lane === "fast") await enqueueGrading(boss, db, { submissionId: row.id, userId: row.userId, config });
        else await this.sendSlowJob(row.id, row.exercise.slug);
        log("grading", "warn", "re-sent the job of an unfinished submission", { submissionId: row.id, lane, previousJobState: state ?? "missing" });
      }
    } catch (error) {
      log("grading", "error", "could not reconcile grading jobs", { error: String(error) });
    } finally {
      this.reconciling = false;
    }
  }
}

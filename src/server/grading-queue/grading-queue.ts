// The grading queue of the embedded deployment (SQLite, one machine): the submission table is
// the queue. Rows are stored as queued first, so nothing is lost; a grading process claims one
// with a conditional update under its process token. Rows whose owner process died are queued
// again by any grading process, at start and every few seconds, so several processes may grade
// the same database (the web server and `npm run worker`) without re-grading each other's work.
//
// Two lanes share the runner's pool: every submission first runs under its exercise's short
// budget (short-budgets.ts: the model solution's time × a safety factor, about 100 ms); one that
// stops at a limit the budget lowered waits, still claimed, for one of the few slow-lane slots
// and runs again under the exercise's own limits. So code that sleeps or crawls holds a fast
// sandbox for about 100 ms, and everyone else flows past it. The next
// queued row goes to a student with nothing in flight here, so one student's burst cannot
// starve the others.
//
// Regrades are queued rows of the RegradeJob table, taken the same way: this process runs one at
// a time beside its gradings, on the same runner (runRegradeJob claims the row, so two processes
// never run one job). Similarity reports are taken from their table the same way, one at a time.
//
// LMS grade passback (issue 15) rides along: each pump starts one pass over the due
// lti_score_sync rows (processDueScoreSyncs claims each under this process's token), unless the
// previous pass is still waiting on the LMS.
import type { TRunner } from "@/grading/runner";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { processDueScoreSyncs } from "@/server/lti/score-sync";
import { runRegradeJob } from "@/server/regrades/run-regrade-job";
import { takeSimilarityReport } from "@/server/similarity/take-similarity-report";
import { readExerciseSlug } from "./exercise-slug";
import { claimSubmission, processClaimedSubmission, requeueSubmission, type TFastLaneLimits, type TProcessOutcome } from "./process-submission";
import { checkTokenOwner, createProcessToken } from "./process-token";
import { getShortBudget } from "./short-budgets";

/** Owners we cannot check (another host, an old token format) are presumed dead after this. */
const UNCHECKABLE_OWNER_LEASE_MS = 10 * 60_000;
const RECOVER_EVERY_MS = 10_000;
/** Regrades this process runs at once: one, so students' own gradings keep the pool. */
const REGRADE_SLOTS = 1;

export interface TGradingQueueOptions {
  db: TDb;
  runner: TRunner;
  /** sandboxes used at once, both lanes together */
  poolSize: number;
  slowLaneSlots: number;
  /** the longest first attempt: each exercise's short budget is measured below it */
  fastLane: TFastLaneLimits;
  /** how often to look for work nobody announced (rows queued by another process or before a restart) */
  pollMs: number;
  /** "web" or "worker": only makes the token readable */
  role: string;
}

export interface TGradingQueueState {
  workerId: string;
  poolSize: number;
  fastActive: number;
  slowActive: number;
  slowWaiting: number;
}

export class GradingQueue {
  readonly workerId: string;
  /** submission id → user id, for everything this process holds (claimed or being claimed) */
  private readonly fast = new Map<string, string>();
  private readonly slow = new Map<string, string>();
  private readonly slowWaiting = new Map<string, string>();
  /** regrade job ids this process runs */
  private readonly regrading = new Set<string>();
  /** the pass over due LMS score posts, while one runs */
  private scoreSyncPass: Promise<void> | null = null;
  private isComparing = false;
  private stopped = false;
  private pumping = false;
  private pumpAgain = false;
  /** the next pump also looks for regrades, similarity reports and LMS score posts */
  private isHousekeepingDue = false;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: TGradingQueueOptions) {
    this.workerId = createProcessToken(options.role);
  }

  async start(): Promise<void> {
    await this.recoverOrphans();
    this.timers = [setInterval(() => this.wake(), this.options.pollMs), setInterval(() => void this.recoverOrphans(), RECOVER_EVERY_MS)];
    for (const timer of this.timers) timer.unref();
    log("grading", "info", "grading queue started", { workerId: this.workerId, poolSize: this.options.poolSize, slowLaneSlots: this.options.slowLaneSlots });
    this.wake();
  }

  /** Stops taking work, lets running gradings finish (up to timeoutMs) and hands back what waits for the slow lane. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const id of [...this.slowWaiting.keys()]) {
      this.slowWaiting.delete(id);
      await requeueSubmission(this.options.db, { submissionId: id, fromWorkerId: this.workerId });
    }
    await this.scoreSyncPass;
    if (this.active + this.regrading.size === 0) return;
    await Promise.race([new Promise<void>((resolve) => this.idleWaiters.push(resolve)), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  /** Looks for everything: submissions, regrades, similarity reports and due LMS score posts. */
  wake(): void {
    this.isHousekeepingDue = true;
    this.wakeForSubmissions();
  }

  /**
   * Called after a submission is stored and when a grading ends: only the queue of submissions
   * is looked at. Regrades, similarity reports and LMS score posts wait for the next poll
   * (pollMs) or their own wake: looking for them on every submission and every verdict cost five
   * queries each time, a fifth of the database work of a deadline-night submission.
   */
  wakeForSubmissions(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch((error: unknown) => log("grading", "error", "could not take work from the queue", { error: String(error) }))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wakeForSubmissions();
        }
      });
  }

  get state(): TGradingQueueState {
    return {
      workerId: this.workerId,
      poolSize: this.options.poolSize,
      fastActive: this.fast.size,
      slowActive: this.slow.size,
      slowWaiting: this.slowWaiting.size,
    };
  }

  private get active(): number {
    return this.fast.size + this.slow.size;
  }

  private async pump(): Promise<void> {
    if (this.isHousekeepingDue) {
      this.isHousekeepingDue = false;
      if (!this.stopped && !this.scoreSyncPass) this.startScoreSyncPass();
      if (!this.stopped && this.regrading.size < REGRADE_SLOTS) await this.takeRegrade();
      if (!this.stopped && !this.isComparing) {
        this.isComparing = true;
        void takeSimilarityReport(this.options.db).finally(() => (this.isComparing = false));
      }
    }
    while (!this.stopped && this.active < this.options.poolSize) {
      // The slow lane goes first: fast-lane slots free up within seconds anyway.
      const [waiting] = this.slowWaiting;
      if (waiting && this.slow.size < this.options.slowLaneSlots) {
        this.slowWaiting.delete(waiting[0]);
        this.slow.set(waiting[0], waiting[1]);
        void this.grade(waiting[0], null);
        continue;
      }
      const next = await this.pickNext();
      if (!next) return;
      // Held before the claim, so the orphan sweep never mistakes a row being claimed for a lost one.
      this.fast.set(next.id, next.userId);
      if (!(await claimSubmission(this.options.db, { submissionId: next.id, workerId: this.workerId }))) {
        this.fast.delete(next.id);
        continue;
      }
      void this.grade(next.id, next.exerciseSlug);
    }
  }

  private startScoreSyncPass(): void {
    this.scoreSyncPass = processDueScoreSyncs(this.options.db, { ownerToken: this.workerId })
      .then((posted) => {
        if (posted > 0) log("lti", "info", "posted LMS scores", { posted, workerId: this.workerId });
      })
      .catch((error: unknown) => log("lti", "error", "lti score sync pass failed", { error: String(error) }))
      .finally(() => (this.scoreSyncPass = null));
  }

  /** Starts the oldest queued regrade, if any; runRegradeJob claims it (another process may be quicker). */
  private async takeRegrade(): Promise<void> {
    const next = await this.options.db.regradeJob.findFirst({
      where: { status: "queued", id: { notIn: [...this.regrading] } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (!next) return;
    this.regrading.add(next.id);
    void runRegradeJob(this.options.db, { jobId: next.id, runner: this.options.runner })
      .then((outcome) => log("regrade", "info", "regrade run ended", { regradeJobId: next.id, outcome, workerId: this.workerId }))
      .finally(() => {
        // No wake here: the next regrade waits for the poll, so a database fault cannot spin this.
        this.regrading.delete(next.id);
        this.resolveIfIdle();
      });
  }

  private resolveIfIdle(): void {
    if (this.active + this.regrading.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async pickNext(): Promise<{ id: string; userId: string; exerciseSlug: string } | null> {
    const busyUsers = [...new Set([...this.fast.values(), ...this.slow.values(), ...this.slowWaiting.values()])];
    const select = { id: true, userId: true, exerciseId: true } as const;
    const orderBy = { receivedAt: "asc" } as const;
    const fair = await this.options.db.submission.findFirst({ where: { status: "queued", userId: { notIn: busyUsers } }, select, orderBy });
    // With nobody busy the fair query already looked at every queued row: asking again finds nothing.
    const next = fair ?? (busyUsers.length === 0 ? null : await this.options.db.submission.findFirst({ where: { status: "queued" }, select, orderBy }));
    return next && { id: next.id, userId: next.userId, exerciseSlug: await readExerciseSlug(this.options.db, next.exerciseId) };
  }

  /** `fastLaneExercise`: the exercise whose short budget caps this first attempt; null in the slow lane. */
  private async grade(submissionId: string, fastLaneExercise: string | null): Promise<void> {
    const lane = fastLaneExercise === null ? "slow" : "fast";
    const held = lane === "fast" ? this.fast : this.slow;
    const started = Date.now();
    let outcome: TProcessOutcome | "failed" = "failed";
    try {
      outcome = await processClaimedSubmission(this.options.db, {
        submissionId,
        workerId: this.workerId,
        runner: this.options.runner,
        fastLane: fastLaneExercise === null ? undefined : await getShortBudget({ runner: this.options.runner, exercise: fastLaneExercise, ceiling: this.options.fastLane }),
      });
      if (outcome === "needs-slow-lane") this.slowWaiting.set(submissionId, held.get(submissionId)!);
      log("grading", "info", outcome === "needs-slow-lane" ? "moved to the slow lane" : "graded", { submissionId, lane, outcome, ms: Date.now() - started, workerId: this.workerId });
    } catch (error) {
      // Most likely the database: give the row back so that it is graded again, now or by the sweep.
      log("grading", "error", "grading failed", { submissionId, lane, error: String(error) });
      await requeueSubmission(this.options.db, { submissionId, fromWorkerId: this.workerId }).catch(() => {});
    } finally {
      held.delete(submissionId);
      this.resolveIfIdle();
      this.wakeForSubmissions();
    }
  }

  /** Queues again the rows of dead owners, and rows of ours this process no longer holds (a failed give-back). */
  private async recoverOrphans(): Promise<void> {
    try {
      const running = await this.options.db.submission.findMany({ where: { status: "running" }, select: { id: true, workerId: true, startedAt: true } });
      const now = Date.now();
      for (const row of running) {
        const isOurs = row.workerId === this.workerId;
        const isHeld = this.fast.has(row.id) || this.slow.has(row.id) || this.slowWaiting.has(row.id);
        const owner = isOurs ? (isHeld ? "alive" : "dead") : checkTokenOwner(row.workerId);
        const isOrphan = owner === "dead" || (owner === "unknown" && now - (row.startedAt?.getTime() ?? 0) > UNCHECKABLE_OWNER_LEASE_MS);
        if (isOrphan && (await requeueSubmission(this.options.db, { submissionId: row.id, fromWorkerId: row.workerId }))) {
          log("grading", "warn", "re-queued a submission whose grader is gone", { submissionId: row.id, previousWorker: row.workerId });
        }
      }
    } catch (error) {
      log("grading", "error", "could not look for orphaned submissions", { error: String(error) });
    }
  }
}

// The in-process grading queue of the embedded (SQLite, one machine) deployment. The database is
// the queue: submissions are stored as queued first, so a crash loses nothing; on start, rows a
// dead process left running are queued again. Concurrency is bounded by the runner's pool, and
// the next job goes to the student with the fewest submissions in flight, so one student's
// burst cannot starve the others.
import { randomUUID } from "node:crypto";
import type { TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { claimSubmission, processClaimedSubmission } from "./process-submission";

export interface TGradingQueueOptions {
  db: TDb;
  runner: TRunner;
  concurrency: number;
  /** how often to look for work nobody announced (e.g. rows queued before a restart) */
  pollMs?: number;
}

export class GradingQueue {
  readonly workerId = `web-${process.pid}-${randomUUID().slice(0, 8)}`;
  private active = new Map<string, string>();
  private stopped = false;
  private pumping = false;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly finishedTimes: { at: number; queuedMs: number }[] = [];

  constructor(private readonly options: TGradingQueueOptions) {}

  /** Re-queues what a previous process left running, then starts grading. */
  async start(): Promise<void> {
    const orphaned = await this.options.db.submission.updateMany({
      where: { status: "running" },
      data: { status: "queued", startedAt: null, workerId: null },
    });
    if (orphaned.count > 0) log("info", "re-queued submissions left running by a previous process", { count: orphaned.count });
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 2000);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** Called after a submission is stored, so grading starts without waiting for the poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.wake();
      }
    });
  }

  get inFlight(): number {
    return this.active.size;
  }

  /** Verdicts in the last minute and the p50/p95 of submit-to-verdict seconds over them. */
  recentThroughput(): { perMinute: number; p50Seconds: number | null; p95Seconds: number | null } {
    const since = Date.now() - 60_000;
    while (this.finishedTimes.length > 0 && this.finishedTimes[0]!.at < since) this.finishedTimes.shift();
    const sorted = this.finishedTimes.map((f) => f.queuedMs / 1000).sort((a, b) => a - b);
    const pick = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null);
    return { perMinute: sorted.length, p50Seconds: pick(0.5), p95Seconds: pick(0.95) };
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.active.size < this.options.concurrency) {
      const next = await this.pickNext();
      if (!next) return;
      if (!(await claimSubmission(this.options.db, { submissionId: next.id, workerId: this.workerId }))) continue;
      this.active.set(next.id, next.userId);
      void this.grade(next.id, next.receivedAt);
    }
  }

  private async pickNext(): Promise<{ id: string; userId: string; receivedAt: Date } | null> {
    const busyUsers = [...new Set(this.active.values())];
    const select = { id: true, userId: true, receivedAt: true } as const;
    const orderBy = { receivedAt: "asc" } as const;
    const fair = await this.options.db.submission.findFirst({
      where: { status: "queued", userId: { notIn: busyUsers } },
      select,
      orderBy,
    });
    return fair ?? (await this.options.db.submission.findFirst({ where: { status: "queued" }, select, orderBy }));
  }

  private async grade(submissionId: string, receivedAt: Date): Promise<void> {
    const started = Date.now();
    try {
      const outcome = await processClaimedSubmission(this.options.db, {
        submissionId,
        workerId: this.workerId,
        runner: this.options.runner,
      });
      this.finishedTimes.push({ at: Date.now(), queuedMs: Date.now() - receivedAt.getTime() });
      log("info", "graded", { submissionId, outcome, ms: Date.now() - started });
    } catch (error) {
      // The row stays running under this worker id; the next start re-queues it.
      log("error", "grading failed", { submissionId, error: String(error) });
    } finally {
      this.active.delete(submissionId);
      this.wake();
    }
  }
}

function log(level: "info" | "error", msg: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), component: "grading-queue", msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

// Long polling for the exercise page: a request waits here until its submission's status changes
// (a grader took it, or the verdict is in) instead of the browser asking again and again. The
// waiting requests of this process share one light query every quarter second, so hundreds of
// waiting students cost one query instead of hundreds of full HTTP requests (each ~5 ms of the
// server's CPU, which on deadline night it needs for grading). Works whichever process grades.
import type { TDb } from "@/server/db-client";

const CHECK_EVERY_MS = 250;

interface TWaiter {
  submissionId: string;
  fromStatus: string;
  resolve: (status: string | null) => void;
}

class SubmissionWatcher {
  private readonly waiters = new Set<TWaiter>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(private readonly db: TDb) {}

  wait(options: { submissionId: string; fromStatus: string; timeoutMs: number; signal?: AbortSignal }): Promise<string | null> {
    return new Promise((resolve) => {
      const waiter: TWaiter = {
        submissionId: options.submissionId,
        fromStatus: options.fromStatus,
        resolve: (status) => {
          clearTimeout(timeout);
          options.signal?.removeEventListener("abort", onAbort);
          this.waiters.delete(waiter);
          if (this.waiters.size === 0 && this.timer) {
            clearInterval(this.timer);
            this.timer = null;
          }
          resolve(status);
        },
      };
      const onAbort = () => waiter.resolve(null);
      const timeout = setTimeout(() => waiter.resolve(null), options.timeoutMs);
      options.signal?.addEventListener("abort", onAbort);
      this.waiters.add(waiter);
      if (options.signal?.aborted) return waiter.resolve(null);
      this.timer ??= setInterval(() => void this.check(), CHECK_EVERY_MS);
    });
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const ids = [...new Set([...this.waiters].map((w) => w.submissionId))];
      const rows = await this.db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
      const statuses = new Map(rows.map((row) => [row.id, row.status as string]));
      for (const waiter of [...this.waiters]) {
        const status = statuses.get(waiter.submissionId) ?? "deleted";
        if (status !== waiter.fromStatus) waiter.resolve(status);
      }
    } catch {
      // The next tick tries again; each waiter still ends at its timeout.
    } finally {
      this.checking = false;
    }
  }
}

const globalKey = Symbol.for("convlab.submission-watcher");
type TGlobal = typeof globalThis & { [globalKey]?: SubmissionWatcher };

/** Resolves with the new status once it differs from `fromStatus`, or null after timeoutMs (or an aborted request). */
export function waitForSubmissionChange(
  db: TDb,
  options: { submissionId: string; fromStatus: string; timeoutMs: number; signal?: AbortSignal },
): Promise<string | null> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= new SubmissionWatcher(db);
  return g[globalKey].wait(options);
}

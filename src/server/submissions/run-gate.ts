// Run's share of the runner pool in this process: at most half the slots (at least one) run
// students' Runs at once, so graded submissions keep the other half and, asking the runner at
// normal priority, also get every slot a Run frees first. A waiting Run goes to the student who
// has used the least sandbox time lately, so a few students looping Run cannot make everyone
// else wait behind them.
import type { TRunner } from "@/grading/runner";

/** Sandbox time a student used counts half after this long. */
const USAGE_HALF_LIFE_MS = 60_000;

interface TWaiter {
  userId: string;
  resolve: () => void;
}

export class RunGate {
  private active = 0;
  private readonly waiting: TWaiter[] = [];
  private readonly usage = new Map<string, { ms: number; at: number }>();

  constructor(readonly slots: number) {}

  /** Waits for a Run slot; the returned function frees it and records how long the Run took. */
  async acquire(userId: string): Promise<(usedMs: number) => void> {
    if (this.active < this.slots) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push({ userId, resolve }));
    let isReleased = false;
    return (usedMs) => {
      if (isReleased) return;
      isReleased = true;
      this.record(userId, usedMs);
      const next = this.takeLightestWaiter();
      if (next) next.resolve();
      else this.active--;
    };
  }

  private usageOf(userId: string, now: number): number {
    const entry = this.usage.get(userId);
    return entry ? entry.ms * 0.5 ** ((now - entry.at) / USAGE_HALF_LIFE_MS) : 0;
  }

  private record(userId: string, usedMs: number): void {
    const now = Date.now();
    this.usage.set(userId, { ms: this.usageOf(userId, now) + usedMs, at: now });
    // Forget students whose usage has decayed to nothing, so the map stays as small as the active set.
    for (const [id] of this.usage) if (this.usageOf(id, now) < 1) this.usage.delete(id);
  }

  private takeLightestWaiter(): TWaiter | undefined {
    if (this.waiting.length === 0) return undefined;
    const now = Date.now();
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      if (this.usageOf(this.waiting[i]!.userId, now) < this.usageOf(this.waiting[best]!.userId, now)) best = i;
    }
    return this.waiting.splice(best, 1)[0];
  }
}

const gatesKey = Symbol.for("convlab.run-gates");
type TGlobal = typeof globalThis & { [gatesKey]?: WeakMap<TRunner, RunGate> };

/** The gate of a runner pool of poolSize slots; one per runner and process. */
export function getRunGate(runner: TRunner, poolSize: number): RunGate {
  const g = globalThis as TGlobal;
  const gates = (g[gatesKey] ??= new WeakMap());
  let gate = gates.get(runner);
  if (!gate) {
    gate = new RunGate(Math.max(1, Math.floor(poolSize / 2)));
    gates.set(runner, gate);
  }
  return gate;
}

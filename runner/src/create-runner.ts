// The runner: jobs queue for one of poolSize slots, then run either in a child forked from the
// long-lived warm sandbox of the job's flavour (default) or in a sandbox started for that job
// alone ("cold"). The numpy sandbox starts with the runner; the torch one on its first job or
// prepare("torch"), so the numpy path never pays for torch.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { assembleResult, notGradable } from "./assemble-result";
import { MARKER_BYTES, encodeJob, type TEncodedJob } from "./protocol";
import { SandboxFault, disposeSandbox, prepareSandbox, takeSandboxUid, type TSandboxSetup } from "./sandbox-setup";
import type { TJob, TJobResult, TLimits, TRunner, TRunnerOptions, TRunOptions, TSandboxFlavour } from "./types";
import { ZygoteProcess } from "./zygote-process";

export const DEFAULT_LIMITS: TLimits = { cpuSeconds: 5, wallSeconds: 10, memoryMb: 512, outputBytes: 64 * 1024 };

const CLOSED_MESSAGE = "the runner was closed before this job finished";
const ZPoolSize = z.coerce.number().int().min(1).max(64);

export function createRunner(opts: TRunnerOptions = {}): TRunner {
  return new SandboxRunner(opts);
}

/** The app passes its configured size (RUNNER_POOL_SIZE, read by src/server/env.ts); 2 suits a script or a test. */
function readPoolSize(opts: TRunnerOptions): number {
  return opts.poolSize === undefined ? 2 : ZPoolSize.parse(opts.poolSize);
}

class SandboxRunner implements TRunner {
  private readonly poolSize: number;
  private readonly mode: "warm" | "cold";
  private readonly setup: Promise<TSandboxSetup>;
  private readonly slots: Slots;
  private readonly live = new Set<ZygoteProcess>();
  private readonly warm = new Map<TSandboxFlavour, Promise<ZygoteProcess>>();
  private closing: Promise<void> | null = null;

  constructor(opts: TRunnerOptions) {
    this.poolSize = readPoolSize(opts);
    this.mode = opts.mode ?? "warm";
    this.slots = new Slots(this.poolSize);
    this.setup = prepareSandbox({ bwrap: opts.bwrapPath, python: opts.pythonPath });
    this.setup.catch(() => {});
    if (this.mode === "warm") for (const flavour of new Set<TSandboxFlavour>(opts.startFlavours ?? ["numpy"])) this.startWarm(flavour).catch(() => {});
  }

  async run(job: TJob, options: TRunOptions = {}): Promise<TJobResult> {
    if (this.closing) return notGradable(CLOSED_MESSAGE);
    const marker = randomBytes(MARKER_BYTES);
    let payload: TEncodedJob;
    try {
      payload = encodeJob(job, marker);
    } catch (error) {
      return notGradable(`The runner was given an invalid job: ${error instanceof Error ? error.message : String(error)}`);
    }
    const release = await this.slots.acquire(options.priority ?? "normal");
    if (!release) return notGradable(CLOSED_MESSAGE);
    let cold: ZygoteProcess | null = null;
    const flavour = job.sandbox ?? "numpy";
    try {
      const zygote = this.mode === "warm" ? await this.getWarm(flavour) : (cold = await this.launch(0, true, flavour));
      return assembleResult(job, await zygote.run(payload, marker, job.limits));
    } catch (error) {
      if (error instanceof SandboxFault) return notGradable(this.closing ? CLOSED_MESSAGE : error.message);
      throw error;
    } finally {
      release();
      // A cold sandbox exits by itself after its job; this only makes sure of it.
      void cold?.kill();
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.slots.close();
      await Promise.all([...this.live].map((zygote) => zygote.kill()));
      const setup = await this.setup.catch(() => null);
      if (setup) await disposeSandbox(setup);
    })();
    return this.closing;
  }

  private getWarm(flavour: TSandboxFlavour): Promise<ZygoteProcess> {
    return this.warm.get(flavour) ?? this.startWarm(flavour);
  }

  private startWarm(flavour: TSandboxFlavour): Promise<ZygoteProcess> {
    const starting = this.launch(this.poolSize, false, flavour);
    this.warm.set(flavour, starting);
    const forget = () => {
      if (this.warm.get(flavour) === starting) this.warm.delete(flavour);
    };
    // A failed start is retried by the next job; a zygote that dies is replaced on the next job.
    starting.then((zygote) => zygote.exited.then(forget), forget);
    return starting;
  }

  private async launch(poolSize: number, once: boolean, flavour: TSandboxFlavour): Promise<ZygoteProcess> {
    const setup = await this.setup;
    if (this.closing) throw new SandboxFault(CLOSED_MESSAGE);
    const zygote = new ZygoteProcess(setup, { uid: takeSandboxUid(), poolSize, once, flavour });
    this.live.add(zygote);
    void zygote.exited.then(() => this.live.delete(zygote));
    await zygote.ready;
    return zygote;
  }
}

type TWaiter = (release: (() => void) | null) => void;

/** At most `size` jobs in the sandbox at once; the rest wait in order, low-priority ones behind all others. */
class Slots {
  private free: number;
  private readonly waiting: Record<"normal" | "low", TWaiter[]> = { normal: [], low: [] };
  private isClosed = false;

  constructor(size: number) {
    this.free = size;
  }

  acquire(priority: "normal" | "low"): Promise<(() => void) | null> {
    if (this.isClosed) return Promise.resolve(null);
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.waiting[priority].push(resolve));
  }

  close(): void {
    this.isClosed = true;
    for (const resolve of [...this.waiting.normal.splice(0), ...this.waiting.low.splice(0)]) resolve(null);
  }

  private releaser(): () => void {
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const next = this.waiting.normal.shift() ?? this.waiting.low.shift();
      if (next) next(this.releaser());
      else this.free++;
    };
  }
}

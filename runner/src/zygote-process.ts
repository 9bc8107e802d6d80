// One sandbox instance: bwrap around runner/python/zygote.py. Sends it jobs and sorts what comes
// back into one transcript per job. The zygote is our code, but its messages are still validated,
// and anything unexpected from it ends the sandbox rather than guessing.
import { type ChildProcess, spawn } from "node:child_process";
import type { Writable } from "node:stream";
import type { TTranscript, TTranscriptEntry } from "./assemble-result";
import { FrameReader, encodeFrame, isInvalid } from "./frame-codec";
import { MAX_RESULT_BYTES, ZChildFrame, ZZygoteEvent, type TEncodedJob, type TExitEvent } from "./protocol";
import { EMPTY_ENV, SandboxFault, buildSandboxCommand, explainStartFailure, type TSandboxSetup } from "./sandbox-setup";
import type { TLimits } from "./types";

const START_TIMEOUT_MS = 60_000;
// Past a job's wall limit the zygote kills the child itself; this only catches a stuck zygote.
const BACKSTOP_GRACE_MS = 15_000;
const STDERR_TAIL_CHARS = 4000;

interface TPendingJob {
  reader: FrameReader;
  entries: TTranscriptEntry[];
  /** the cases frame, until the child reports "loaded" (then it is sent and this is null) */
  cases: Buffer | null;
  startedAt: number;
  backstop: NodeJS.Timeout;
  resolve(transcript: TTranscript): void;
  reject(error: SandboxFault): void;
}

export class ZygoteProcess {
  /** resolves once numpy (and torch, in that flavour) is imported and the warm children are forked */
  readonly ready: Promise<void>;
  /** resolves when the sandbox has exited and its output is read */
  readonly exited: Promise<void>;
  private readonly proc: ChildProcess;
  private readonly reader = new FrameReader({ maxHeaderBytes: 1 << 20, maxPayloadBytes: 1 << 20 });
  private readonly jobs = new Map<number, TPendingJob>();
  private nextJobId = 1;
  private stderrTail = "";
  private isAlive = true;
  private isReady = false;
  private fault: string | null = null;
  private markReady!: () => void;

  constructor(setup: TSandboxSetup, options: Parameters<typeof buildSandboxCommand>[1]) {
    const { file, args } = buildSandboxCommand(setup, options);
    // An empty environment: bwrap's own pid 1 would otherwise keep the server's secrets.
    this.proc = spawn(file, args, { env: EMPTY_ENV, stdio: ["pipe", "pipe", "pipe", "pipe"] });
    (this.proc.stdio[3] as Writable).end(setup.outerFilter);
    let failStart!: (error: SandboxFault) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      failStart = reject;
    });
    this.ready.catch(() => {});
    const startTimer = setTimeout(() => this.die(`the sandbox did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    this.ready.then(() => clearTimeout(startTimer), () => clearTimeout(startTimer));

    this.proc.stdout!.on("data", (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });
    // Writes to a sandbox that has just died fail with EPIPE; the exit handler reports that.
    this.proc.stdin!.on("error", () => {});
    (this.proc.stdio[3] as Writable).on("error", () => {});
    this.exited = new Promise<void>((resolve) => {
      const onGone = (how: string) => {
        if (!this.isAlive) return resolve();
        this.isAlive = false;
        clearTimeout(startTimer);
        const message =
          this.fault ??
          (this.isReady
            ? `the sandbox exited unexpectedly (${how}); its stderr: ${this.stderrTail.trim() || "empty"}`
            : `the sandbox exited at start (${how}): ${explainStartFailure(this.stderrTail)}`);
        failStart(new SandboxFault(message));
        for (const job of this.jobs.values()) {
          clearTimeout(job.backstop);
          job.reject(new SandboxFault(message));
        }
        this.jobs.clear();
        resolve();
      };
      // "close", not "exit": the zygote's last events may still be unread when the process exits.
      this.proc.on("close", (code, signal) => onGone(signal ? `signal ${signal}` : `status ${code}`));
      this.proc.on("error", (error) => onGone(String(error)));
    });
  }

  get alive(): boolean {
    return this.isAlive && this.fault === null;
  }

  run(payload: TEncodedJob, marker: Buffer, limits: TLimits): Promise<TTranscript> {
    if (!this.alive) return Promise.reject(new SandboxFault(this.fault ?? "the sandbox is not running"));
    const id = this.nextJobId++;
    return new Promise<TTranscript>((resolve, reject) => {
      const backstop = setTimeout(
        () => this.die(`the sandbox did not report the end of a job within ${limits.wallSeconds} s + ${BACKSTOP_GRACE_MS / 1000} s`),
        limits.wallSeconds * 1000 + BACKSTOP_GRACE_MS,
      );
      this.jobs.set(id, {
        // Headers hold tracebacks of up to 16 000 characters, JSON-escaped to as much as 6 bytes each.
        reader: new FrameReader({ maxHeaderBytes: 1 << 20, maxPayloadBytes: MAX_RESULT_BYTES }, marker),
        entries: [],
        cases: payload.cases,
        startedAt: performance.now(),
        backstop,
        resolve,
        reject,
      });
      const header = { op: "run", job: id, wallSeconds: limits.wallSeconds, outputBytes: limits.outputBytes, resultBytes: MAX_RESULT_BYTES };
      this.proc.stdin!.write(encodeFrame(header, payload.load));
    });
  }

  /** Kills the whole sandbox (bwrap's --die-with-parent takes every process in it along). */
  kill(): Promise<void> {
    if (this.isAlive) this.proc.kill("SIGKILL");
    return this.exited;
  }

  private die(fault: string): void {
    this.fault ??= fault;
    this.proc.kill("SIGKILL");
  }

  private onData(chunk: Buffer): void {
    for (const item of this.reader.push(chunk)) {
      if (isInvalid(item)) {
        this.die(`the zygote sent an unreadable frame (${item.invalid})`);
        return;
      }
      const parsed = ZZygoteEvent.safeParse(item.header);
      if (!parsed.success) {
        this.die(`the zygote sent an unexpected message (${parsed.error.message})`);
        return;
      }
      const event = parsed.data;
      if (event.ev === "hello") {
        this.isReady = true;
        this.markReady();
      } else if (event.ev === "fatal") {
        this.die(`the zygote failed: ${event.message}`);
      } else if (event.ev === "exit") {
        this.finishJob(event);
      } else {
        this.recordOutput(event.job, event.ev, item.payload);
      }
    }
  }

  private recordOutput(id: number, kind: "res" | "raw", data: Buffer): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const atMs = performance.now() - job.startedAt;
    if (kind === "raw") {
      job.entries.push({ kind: "raw", data, atMs });
      return;
    }
    for (const item of job.reader.push(data)) {
      if (isInvalid(item)) {
        job.entries.push({ kind: "invalid", reason: item.invalid, atMs });
        continue;
      }
      const frame = ZChildFrame.safeParse(item.header);
      job.entries.push(
        frame.success
          ? { kind: "frame", frame: frame.data, payload: item.payload, atMs }
          : { kind: "invalid", reason: frame.error.message, atMs },
      );
      if (frame.success && frame.data.t === "loaded") this.sendCases(id, job);
    }
  }

  /**
   * The cases go to the child only after its first "loaded" frame. A forged early "loaded" gains
   * nothing: any load report after it breaks the frame order, which assembleResult treats as a
   * channel violation, so case data can never reach a load error.
   */
  private sendCases(id: number, job: TPendingJob): void {
    if (job.cases === null) return;
    this.proc.stdin!.write(encodeFrame({ op: "cases", job: id }, job.cases));
    job.cases = null;
  }

  private finishJob(exit: TExitEvent): void {
    const job = this.jobs.get(exit.job);
    if (!job) return;
    this.jobs.delete(exit.job);
    clearTimeout(job.backstop);
    job.resolve({ entries: job.entries, exit, wallMs: performance.now() - job.startedAt });
  }
}

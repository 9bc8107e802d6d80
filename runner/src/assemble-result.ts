// Turns what one job child sent (frames, raw output) and how it ended (the zygote's exit report)
// into the job's result. Frames are the student's claims; the exit report is the runner's own
// observation, so only it decides timeouts, crashes and whether the job was gradable at all.
import { MAX_RESULT_BYTES, type TChildFrame, type TExitEvent } from "./protocol";
import type { TCaseOutcome, TJob, TJobResult, TLoadError, TReturned, TReturnedArray, TRunnerEnding } from "./types";

export type TTranscriptEntry = { atMs: number } & (
  | { kind: "frame"; frame: TChildFrame; payload: Buffer }
  | { kind: "raw"; data: Buffer }
  | { kind: "invalid"; reason: string }
);

export interface TTranscript {
  entries: TTranscriptEntry[];
  exit: TExitEvent;
  /** from dispatch to the exit report */
  wallMs: number;
}

export const STUDENT_UNAVAILABLE_REASON =
  "The grader is temporarily unavailable. Your submission was not graded and did not use an attempt.";

const SIGKILL = 9;
const SIGXCPU = 24;
/** Signal numbers by name, as the runner and the grader both show them ("signal 10" for others). */
const SIGNAL_NAMES: Record<number, string> = {
  4: "SIGILL (illegal instruction)",
  6: "SIGABRT (aborted)",
  7: "SIGBUS (bus error)",
  8: "SIGFPE (arithmetic error)",
  9: "SIGKILL",
  11: "SIGSEGV (segmentation fault)",
  25: "SIGXFSZ (file size limit)",
};

export function describeSignal(signal: number): string {
  return SIGNAL_NAMES[signal] ?? `signal ${signal}`;
}

export function notGradable(operatorMessage: string, options: { wallBeforeStart?: boolean } = {}): TJobResult {
  return { gradable: false, reason: STUDENT_UNAVAILABLE_REASON, operatorMessage, ...(options.wallBeforeStart ? { wallBeforeStart: true } : {}) };
}

type TEnding = { status: "timeout"; limit: "cpu" | "wall"; limitSeconds: number } | { status: "ended"; ending: TRunnerEnding };

export function assembleResult(job: TJob, transcript: TTranscript): TJobResult {
  const { entries, exit, wallMs } = transcript;
  const caseCount = job.cases.length;
  const output = new OutputCollector(job.limits.outputBytes);
  const cases: TCaseOutcome[] = [];
  let started = false;
  let load: { ok: true } | { ok: false; error: TLoadError } | undefined;
  let done = false;
  let violated = false;
  // When the last ready/load/case frame arrived: a case that never reported started then.
  let caseStartAt = 0;

  const accept = (frame: TChildFrame, payload: Buffer): boolean => {
    switch (frame.t) {
      case "ready":
        if (started) return false;
        started = true;
        return true;
      case "out":
        output.add(payload, frame.truncated);
        return started;
      case "loaded":
      case "load-failed":
        if (!started || load) return false;
        load = frame.t === "loaded" ? { ok: true } : { ok: false, error: frame.error };
        return true;
      case "returned":
      case "raised":
      case "memory": {
        if (load?.ok !== true || frame.i !== cases.length || frame.i >= caseCount) return false;
        const outcome = toOutcome(frame, payload, output.take(), job);
        if (outcome) cases.push(outcome);
        return outcome !== null;
      }
      case "done":
        done = load !== undefined && (!load.ok || cases.length === caseCount);
        return done;
    }
  };

  for (const entry of entries) {
    if (entry.kind === "raw") {
      output.add(entry.data, false);
      continue;
    }
    if (done) break;
    if (entry.kind === "invalid" || !accept(entry.frame, entry.payload)) {
      // Before "ready" no student code has run: a bad frame there is the runner's fault.
      violated = started;
      break;
    }
    if (entry.frame.t !== "out") caseStartAt = entry.atMs;
  }

  if (!started) {
    const printed = entries.flatMap((e) => (e.kind === "raw" ? [e.data] : []));
    const detail = Buffer.concat(printed).toString("utf8").trim().slice(-2000);
    return notGradable(
      `The sandbox worker ended before it started the job (${describeExit(exit)}).` + (detail ? ` Its output:\n${detail}` : ""),
      { wallBeforeStart: exit.killed === "wall" },
    );
  }

  if (violated) {
    // The marker leaked, so no frame since the student's code started can be trusted.
    cases.length = 0;
    if (load?.ok === false) load = undefined;
  }
  const ending = violated ? channelViolation() : classifyEnding(exit, job);
  const outputTruncated = output.truncated || exit.rawTruncated;
  if (!load || !load.ok) {
    const error = load ? load.error : toLoadError(ending);
    const stdout = output.take();
    return { gradable: true, load: { ok: false, error: stdout ? { ...error, stdout } : error }, cases: [], outputTruncated, wallMs };
  }
  if (cases.length < caseCount) {
    cases.push({ ...ending, timeMs: Math.max(0, wallMs - caseStartAt), stdout: output.take() });
    while (cases.length < caseCount) cases.push({ status: "not-run" });
  } else {
    const last = cases[cases.length - 1];
    if (last && last.status !== "not-run") last.stdout += output.take();
  }
  return { gradable: true, load, cases, outputTruncated, wallMs };
}

/** null when a returned value's payload does not match its header. */
function toOutcome(
  frame: Extract<TChildFrame, { t: "returned" | "raised" | "memory" }>,
  payload: Buffer,
  stdout: string,
  job: TJob,
): TCaseOutcome | null {
  const timeMs = Math.min(frame.timeMs, job.limits.wallSeconds * 1000);
  if (frame.t === "memory") return { status: "memory", limitMb: job.limits.memoryMb, timeMs, stdout };
  if (frame.t === "raised") return { status: "raised", error: frame.error, timeMs, stdout };
  const value = decodeReturned(frame.value, payload);
  return value && { status: "returned", value, timeMs, stdout };
}

function decodeReturned(header: Extract<TChildFrame, { t: "returned" }>["value"], payload: Buffer): TReturned | null {
  if (header.kind === "other") return payload.length === 0 ? header : null;
  if (header.kind === "array") {
    const data = readFloats(payload, 0, header.shape);
    return data && data.length * 8 === payload.length ? { ...header, data } : null;
  }
  const items: TReturnedArray[] = [];
  let offset = 0;
  for (const item of header.items) {
    const data = readFloats(payload, offset, item.shape);
    if (!data) return null;
    items.push({ ...item, data });
    offset += data.length * 8;
  }
  return offset === payload.length ? { kind: "arrays", pyType: header.pyType, items } : null;
}

/** The float64 values of one array of `shape` at `offset`, or null when the payload is too short. */
function readFloats(payload: Buffer, offset: number, shape: number[]): Float64Array | null {
  const size = shape.reduce((a, b) => a * b, 1);
  if (payload.length < offset + size * 8) return null;
  // Copy: the payload may sit at an offset Float64Array cannot view, and it pins the read buffer.
  const data = new Float64Array(size);
  new Uint8Array(data.buffer).set(payload.subarray(offset, offset + size * 8));
  return data;
}

/** How a child that did not finish ended, from the zygote's observation alone. */
function classifyEnding(exit: TExitEvent, job: TJob): TEnding {
  const { cpuSeconds, wallSeconds } = job.limits;
  if (exit.killed === "wall") return { status: "timeout", limit: "wall", limitSeconds: wallSeconds };
  if (exit.killed === "result-limit") return ended({ kind: "result-too-large", limitMb: MAX_RESULT_BYTES >> 20 });
  // The kernel enforces RLIMIT_CPU in whole seconds: SIGXCPU at the soft limit, SIGKILL after.
  const cpuSpent = exit.cpuSeconds >= Math.ceil(cpuSeconds) - 0.05;
  if (exit.signal === SIGXCPU || (exit.signal === SIGKILL && cpuSpent)) {
    return { status: "timeout", limit: "cpu", limitSeconds: cpuSeconds };
  }
  if (exit.killed === "linger") return ended({ kind: "channel-closed" });
  if (exit.signal !== null) return ended({ kind: "signal", signal: exit.signal });
  return ended({ kind: "exit", code: exit.code });
}

function channelViolation(): TEnding {
  return ended({ kind: "channel-violation" });
}

function ended(ending: TRunnerEnding): TEnding {
  return { status: "ended", ending };
}

function toLoadError(ending: TEnding): TLoadError {
  return ending.status === "timeout" ? { kind: "timeout", limit: ending.limit, limitSeconds: ending.limitSeconds } : { kind: "ended", ending: ending.ending };
}

function describeExit(exit: TExitEvent): string {
  const how = exit.signal !== null ? `killed by ${describeSignal(exit.signal)}` : `exit status ${exit.code}`;
  return exit.killed ? `${how}, ${exit.killed === "wall" ? "past its wall-clock deadline" : exit.killed}` : how;
}

/** Printed output of the whole job, cut at limits.outputBytes, handed out case by case. */
class OutputCollector {
  private parts: Buffer[] = [];
  private left: number;
  truncated = false;

  constructor(limit: number) {
    this.left = limit;
  }

  add(data: Buffer, truncated: boolean): void {
    if (truncated || data.length > this.left) this.truncated = true;
    const kept = data.subarray(0, this.left);
    this.left -= kept.length;
    if (kept.length > 0) this.parts.push(kept);
  }

  take(): string {
    const text = Buffer.concat(this.parts).toString("utf8");
    this.parts = [];
    return text;
  }
}

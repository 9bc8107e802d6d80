import { describe, expect, it } from "vitest";
import { assembleResult, type TTranscriptEntry } from "./assemble-result";
import { DEFAULT_LIMITS } from "./create-runner";
import type { TChildFrame, TExitEvent } from "./protocol";
import type { TJob } from "./types";

const job: TJob = { source: "", functionName: "f", cases: [{ args: [] }, { args: [] }, { args: [] }], limits: DEFAULT_LIMITS };

const frame = (f: TChildFrame, payload = Buffer.alloc(0), atMs = 1): TTranscriptEntry => ({ kind: "frame", frame: f, payload, atMs });
const raw = (text: string): TTranscriptEntry => ({ kind: "raw", data: Buffer.from(text), atMs: 1 });
const returned = (i: number, value = 1): TTranscriptEntry => {
  const payload = Buffer.alloc(8);
  payload.writeDoubleLE(value);
  return frame({ t: "returned", i, timeMs: 2, value: { kind: "array", shape: [], dtype: "float64", pyType: "float" } }, payload);
};
const exited = (extra: Partial<TExitEvent> = {}): TExitEvent => ({
  ev: "exit",
  job: 1,
  code: 0,
  signal: null,
  cpuSeconds: 0.01,
  killed: null,
  rawTruncated: false,
  ...extra,
});
const START = [frame({ t: "ready" }), frame({ t: "loaded" }, Buffer.alloc(0), 3)];

const assemble = (entries: TTranscriptEntry[], exit = exited(), jobToRun = job) => assembleResult(jobToRun, { entries, exit, wallMs: 50 });

describe("assembleResult", () => {
  it("is not gradable when the child ended before it said ready, quoting what it printed", () => {
    const result = assemble([raw("Traceback: MemoryError\n")], exited({ code: 70 }));
    expect(result).toMatchObject({ gradable: false, operatorMessage: expect.stringContaining("exit status 70") });
    expect(!result.gradable && result.operatorMessage).toContain("MemoryError");
  });

  it("says when the wall-clock deadline passed before the child started the job", () => {
    const late = assemble([], exited({ signal: 9, code: -9, killed: "wall" }));
    expect(late).toMatchObject({ gradable: false, wallBeforeStart: true, operatorMessage: expect.stringContaining("past its wall-clock deadline") });
    expect(assemble([], exited({ code: 70 }))).not.toHaveProperty("wallBeforeStart");
  });

  it("collects the cases in order with the output each one printed", () => {
    const result = assemble([...START, frame({ t: "out", truncated: false }, Buffer.from("one\n")), returned(0), raw("two\n"), returned(1, 2), returned(2, 3), frame({ t: "done" })]);
    expect(result).toMatchObject({ gradable: true, load: { ok: true }, outputTruncated: false, wallMs: 50 });
    const cases = result.gradable ? result.cases : [];
    expect(cases.map((c) => c.status === "returned" && [c.value.kind === "array" && c.value.data[0], c.stdout])).toEqual([
      [1, "one\n"],
      [2, "two\n"],
      [3, ""],
    ]);
  });

  it.each([
    ["killed at the wall deadline", exited({ signal: 9, killed: "wall" }), { status: "timeout", limit: "wall", limitSeconds: 10 }],
    ["SIGXCPU", exited({ signal: 24, cpuSeconds: 5.01 }), { status: "timeout", limit: "cpu", limitSeconds: 5 }],
    ["SIGKILL after the CPU hard limit", exited({ signal: 9, cpuSeconds: 6 }), { status: "timeout", limit: "cpu" }],
    ["SIGSEGV", exited({ signal: 11 }), { status: "ended", ending: { kind: "signal", signal: 11 } }],
    ["SIGKILL with CPU to spare", exited({ signal: 9, cpuSeconds: 0.2 }), { status: "ended", ending: { kind: "signal", signal: 9 } }],
    ["os._exit", exited({ code: 3 }), { status: "ended", ending: { kind: "exit", code: 3 } }],
    ["a result flood", exited({ signal: 9, killed: "result-limit" }), { status: "ended", ending: { kind: "result-too-large", limitMb: 32 } }],
  ])("blames an unfinished case on how the child ended: %s", (_, exit, expected) => {
    const result = assemble([...START, returned(0), raw("partial")], exit);
    const cases = result.gradable ? result.cases : [];
    expect(cases[0]).toMatchObject({ status: "returned" });
    expect(cases[1]).toMatchObject({ ...expected, stdout: "partial", timeMs: 49 });
    expect(cases[2]).toEqual({ status: "not-run" });
  });

  it("turns a child that ended while loading into a load error", () => {
    const result = assemble([frame({ t: "ready" }), raw("loading...\n")], exited({ signal: 24, cpuSeconds: 5 }));
    expect(result).toMatchObject({ gradable: true, cases: [], load: { ok: false, error: { kind: "timeout", stdout: "loading...\n" } } });
  });

  it("distrusts every case once the result channel was tampered with (a duplicate or malformed frame)", () => {
    for (const tampering of [returned(0, 99), { kind: "invalid", reason: "bad", atMs: 4 } as TTranscriptEntry]) {
      const result = assemble([...START, returned(0, 99), tampering, returned(1), returned(2), frame({ t: "done" })]);
      const cases = result.gradable ? result.cases : [];
      expect(cases.map((c) => c.status)).toEqual(["ended", "not-run", "not-run"]);
      expect(cases[0]).toMatchObject({ ending: { kind: "channel-violation" } });
    }
  });

  it("treats an array payload that does not match its shape as tampering", () => {
    const short = frame({ t: "returned", i: 0, timeMs: 1, value: { kind: "array", shape: [2], dtype: "float64", pyType: "list" } }, Buffer.alloc(8));
    const result = assemble([...START, short]);
    expect(result.gradable && result.cases[0]).toMatchObject({ status: "ended", ending: { kind: "channel-violation" } });
  });

  it("splits several arrays' payload by their shapes, and treats a payload of the wrong length as tampering", () => {
    const items = [
      { shape: [2], dtype: "float64", pyType: "ndarray" },
      { shape: [1, 1], dtype: "int64", pyType: "tuple" },
    ];
    const several = (bytes: number) => {
      const payload = Buffer.alloc(bytes);
      [1, 2, 3].forEach((value, i) => i * 8 < bytes && payload.writeDoubleLE(value, i * 8));
      return frame({ t: "returned", i: 0, timeMs: 1, value: { kind: "arrays", pyType: "tuple", items } }, payload);
    };
    const ok = assemble([...START, several(24)]);
    expect(ok.gradable && ok.cases[0]).toMatchObject({
      status: "returned",
      value: { kind: "arrays", pyType: "tuple", items: [{ ...items[0], data: Float64Array.of(1, 2) }, { ...items[1], data: Float64Array.of(3) }] },
    });
    for (const bytes of [16, 32]) {
      const result = assemble([...START, several(bytes)]);
      expect(result.gradable && result.cases[0]).toMatchObject({ status: "ended", ending: { kind: "channel-violation" } });
    }
  });

  it("caps printed output for the whole job and reports the cut", () => {
    const limited = { ...job, limits: { ...DEFAULT_LIMITS, outputBytes: 6 } };
    const result = assemble([...START, raw("abcd"), returned(0), raw("efgh"), returned(1), returned(2)], exited(), limited);
    const printed = result.gradable ? result.cases.map((c) => (c.status === "returned" ? c.stdout : null)) : [];
    expect(printed).toEqual(["abcd", "ef", ""]);
    expect(result.gradable && result.outputTruncated).toBe(true);
  });
});

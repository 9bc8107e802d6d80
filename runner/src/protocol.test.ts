import { describe, expect, it } from "vitest";
import { FrameReader, isInvalid } from "./frame-codec";
import { DEFAULT_LIMITS } from "./create-runner";
import { encodeJob } from "./protocol";
import type { TJob } from "./types";

const marker = Buffer.alloc(16, 1);

function decodeFrame(frame: Buffer): { header: Record<string, unknown>; payload: Buffer } {
  const [item] = new FrameReader({ maxHeaderBytes: 1 << 20, maxPayloadBytes: 1 << 20 }).push(frame);
  if (!item || isInvalid(item)) throw new Error("no frame");
  return { header: item.header as Record<string, unknown>, payload: item.payload };
}

function decode(job: TJob): { header: Record<string, unknown>; payload: Buffer } {
  const encoded = encodeJob(job, marker);
  const load = decodeFrame(encoded.load);
  const cases = decodeFrame(encoded.cases);
  return { header: { ...load.header, ...cases.header }, payload: cases.payload };
}

const job = (args: TJob["cases"][number]["args"], extra: Partial<TJob> = {}): TJob => ({
  source: "def f(*a): pass",
  functionName: "f",
  cases: [{ args }],
  limits: DEFAULT_LIMITS,
  ...extra,
});

describe("encodeJob", () => {
  it("keeps the cases out of the frame the child loads the student's file from", () => {
    const encoded = encodeJob(job([{ kind: "ndarray", shape: [1], data: Float64Array.of(4321.5) }, 987654]), marker);
    const load = decodeFrame(encoded.load);
    expect(Object.keys(load.header).sort()).toEqual(["cpuSeconds", "functionName", "marker", "memoryMb", "outputBytes", "source"]);
    expect(load.payload.length).toBe(0);
    expect(decodeFrame(encoded.cases).header.cases).toEqual([{ args: [{ t: "nd", shape: [1], o: 0 }, 987654], kwargs: {} }]);
  });

  it("tags tuples, dicts, arrays and non-finite floats, and appends array data as little-endian float64", () => {
    const a = { kind: "ndarray" as const, shape: [2], data: Float64Array.of(1.5, -0) };
    const b = { kind: "ndarray" as const, shape: [1, 1], data: Float64Array.of(Number.NaN) };
    const { header, payload } = decode(job([a, [1, "x", null], { w: b }, Number.NaN, Infinity, 3, true]));
    expect((header.cases as Array<{ args: unknown[] }>)[0]!.args).toEqual([
      { t: "nd", shape: [2], o: 0 },
      { t: "tuple", v: [1, "x", null] },
      { t: "dict", v: { w: { t: "nd", shape: [1, 1], o: 16 } } },
      { t: "float", v: "NaN" },
      { t: "float", v: "Infinity" },
      3,
      true,
    ]);
    expect(header.marker).toBe(marker.toString("hex"));
    expect([payload.readDoubleLE(0), Object.is(payload.readDoubleLE(8), -0), payload.readDoubleLE(16)]).toEqual([1.5, true, Number.NaN]);
  });

  it("sends an array object used by several cases once; an equal but distinct array is sent again", () => {
    const shared = { kind: "ndarray" as const, shape: [2], data: Float64Array.of(1, 2) };
    const copy = { kind: "ndarray" as const, shape: [2], data: Float64Array.of(1, 2) };
    const { header, payload } = decode({ ...job([]), cases: [{ args: [shared, { w: shared }] }, { args: [shared, copy] }] });
    expect((header.cases as Array<{ args: unknown[] }>).map((c) => c.args)).toEqual([
      [{ t: "nd", shape: [2], o: 0 }, { t: "dict", v: { w: { t: "nd", shape: [2], o: 0 } } }],
      [{ t: "nd", shape: [2], o: 0 }, { t: "nd", shape: [2], o: 16 }],
    ]);
    expect(payload.length).toBe(32);
  });

  it("refuses an array whose data does not fill its shape, and a function name Python cannot call", () => {
    expect(() => encodeJob(job([{ kind: "ndarray", shape: [2, 2], data: Float64Array.of(1) }]), marker)).toThrow(/shape \[2,2\] but 1 values/);
    expect(() => encodeJob(job([], { functionName: "f()" }), marker)).toThrow(/identifier/);
    expect(() => encodeJob(job([], { limits: { ...DEFAULT_LIMITS, cpuSeconds: 0 } }), marker)).toThrow();
  });
});

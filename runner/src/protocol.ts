// What crosses the sandbox boundary: the job as the child reads it, and zod schemas for every
// header that comes back (from the zygote, which we trust, and from the job child, which we do not).
import { z } from "zod";
import { encodeFrame } from "./frame-codec";
import type { NdArray, TJob, TRunnerValue } from "./types";

/** A job's result channel may carry at most this much; the zygote kills a child that sends more. */
export const MAX_RESULT_BYTES = 32 << 20;
/** The sandbox's address-space ceiling; a job child can only lower it. */
export const MAX_MEMORY_MB = 16_384;
export const MARKER_BYTES = 16;

export const ZLimits = z.object({
  cpuSeconds: z.number().positive().max(3600),
  wallSeconds: z.number().positive().max(3600),
  memoryMb: z.number().int().min(32).max(MAX_MEMORY_MB),
  outputBytes: z.number().int().nonnegative().max(64 << 20),
});

const ZIdentifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a Python identifier");

const ZJobShape = z.object({
  source: z.string(),
  functionName: ZIdentifier,
  limits: ZLimits,
  sandbox: z.enum(["numpy", "torch"]).optional(),
  driver: z.object({ source: z.string(), functionName: ZIdentifier }).optional(),
});

/**
 * A job for the child as two frames. `load` (the source, the function name, the limits) is written
 * to the child when the job starts; `cases` (JSON with tagged objects, array data appended as raw
 * float64, once per array object) only once the child has reported "loaded", so the student's
 * top-level code runs before any case exists in the child's memory or in its job pipe.
 */
export interface TEncodedJob {
  load: Buffer;
  cases: Buffer;
}

export function encodeJob(job: TJob, marker: Buffer): TEncodedJob {
  ZJobShape.parse(job);
  const blobs: Buffer[] = [];
  let offset = 0;
  // An array object used by several cases (one CNN's weights for a whole grading) is sent once;
  // the child still decodes a copy of its own for every use.
  const sent = new Map<NdArray, number>();
  const encodeValue = (value: TRunnerValue, where: string): unknown => {
    if (typeof value === "number") return Number.isFinite(value) ? value : { t: "float", v: String(value) };
    if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
    if (Array.isArray(value)) return { t: "tuple", v: value.map((item, i) => encodeValue(item, `${where}[${i}]`)) };
    if (isNdArray(value)) {
      const at = sent.get(value);
      if (at !== undefined) return { t: "nd", shape: value.shape, o: at };
      checkNdArray(value, where);
      // Float64Array is host-endian; checkSandbox refuses big-endian hosts.
      const bytes = Buffer.from(value.data.buffer, value.data.byteOffset, value.data.byteLength);
      blobs.push(bytes);
      sent.set(value, offset);
      offset += bytes.length;
      return { t: "nd", shape: value.shape, o: offset - bytes.length };
    }
    if (typeof value === "object") {
      const entries = Object.entries(value).map(([key, item]) => [key, encodeValue(item, `${where}.${key}`)]);
      return { t: "dict", v: Object.fromEntries(entries) };
    }
    throw new Error(`${where} is a ${typeof value}, which cannot be sent to Python`);
  };
  const cases = job.cases.map((c, i) => ({
    args: c.args.map((arg, j) => encodeValue(arg, `cases[${i}].args[${j}]`)),
    kwargs: Object.fromEntries(Object.entries(c.kwargs ?? {}).map(([k, v]) => [k, encodeValue(v, `cases[${i}].kwargs.${k}`)])),
  }));
  const header = {
    marker: marker.toString("hex"),
    source: job.source,
    functionName: job.functionName,
    cpuSeconds: job.limits.cpuSeconds,
    memoryMb: job.limits.memoryMb,
    outputBytes: job.limits.outputBytes,
    ...(job.driver ? { driver: job.driver } : {}),
  };
  return { load: encodeFrame(header), cases: encodeFrame({ cases }, Buffer.concat(blobs)) };
}

function isNdArray(value: object): value is NdArray {
  return (value as Partial<NdArray>).kind === "ndarray" && (value as Partial<NdArray>).data instanceof Float64Array;
}

function checkNdArray(value: NdArray, where: string): void {
  if (!value.shape.every((n) => Number.isInteger(n) && n >= 0)) throw new Error(`${where}.shape must hold non-negative integers`);
  const size = value.shape.reduce((a, b) => a * b, 1);
  if (size !== value.data.length) throw new Error(`${where} has shape [${value.shape}] but ${value.data.length} values`);
}

// --- from the zygote (trusted code inside the sandbox) ---

export const ZExitEvent = z.object({
  ev: z.literal("exit"),
  job: z.number().int(),
  code: z.number().int().nullable(),
  signal: z.number().int().nullable(),
  cpuSeconds: z.number().nonnegative(),
  /** set when the zygote killed the child: past its wall deadline, over the result cap, or lingering */
  killed: z.enum(["wall", "result-limit", "linger"]).nullable(),
  rawTruncated: z.boolean(),
});
export type TExitEvent = z.infer<typeof ZExitEvent>;

export const ZZygoteEvent = z.discriminatedUnion("ev", [
  z.object({ ev: z.literal("hello"), python: z.string(), numpy: z.string(), torch: z.string().optional() }),
  z.object({ ev: z.literal("res"), job: z.number().int() }),
  z.object({ ev: z.literal("raw"), job: z.number().int() }),
  ZExitEvent,
  z.object({ ev: z.literal("fatal"), message: z.string() }),
]);
export type TZygoteEvent = z.infer<typeof ZZygoteEvent>;

// --- from a job child (student code runs there: every field is bounded) ---

const ZLine = z.number().int().nullable();
const ZTimeMs = z.number().nonnegative();
const ZText = (max: number) => z.string().max(max);

export const ZRaisedFrame = z.object({
  type: ZText(200),
  message: ZText(5_000),
  traceback: ZText(20_000),
  line: ZLine,
});

export const ZLoadErrorFrame = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["syntax", "import", "memory", "exception"]), error: ZRaisedFrame }),
  z.object({ kind: z.literal("missing-function"), suggestion: ZText(1_000).nullable() }),
  z.object({ kind: z.literal("not-callable"), pyType: ZText(200) }),
]);

const ZShape = z.array(z.number().int().nonnegative()).max(64);

export const ZOtherForm = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("scalar"), repr: ZText(200) }),
  z.object({ kind: z.literal("dict"), keys: ZText(200) }),
  z.object({ kind: z.literal("ragged") }),
  z.object({ kind: z.literal("unconvertible"), error: ZText(500) }),
  z.object({ kind: z.literal("too-large"), shape: ZShape, maxElements: z.number().int() }),
  z.object({ kind: z.literal("complex"), shape: ZShape }),
  z.object({ kind: z.literal("strings"), shape: ZShape }),
  z.object({ kind: z.literal("non-number"), shape: ZShape, item: ZText(200), itemType: ZText(200) }),
  z.object({ kind: z.literal("dtype"), dtype: ZText(64) }),
]);

const ZValueHeader = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("array"),
    shape: ZShape,
    dtype: ZText(64),
    pyType: ZText(200),
  }),
  z.object({
    kind: z.literal("arrays"),
    pyType: ZText(200),
    items: z.array(z.object({ shape: ZShape, dtype: ZText(64), pyType: ZText(200) })).min(1).max(64),
  }),
  z.object({ kind: z.literal("other"), pyType: ZText(200), form: ZOtherForm }),
]);
export type TValueHeader = z.infer<typeof ZValueHeader>;

export const ZChildFrame = z.discriminatedUnion("t", [
  z.object({ t: z.literal("ready") }),
  z.object({ t: z.literal("out"), truncated: z.boolean() }),
  z.object({ t: z.literal("loaded") }),
  z.object({ t: z.literal("load-failed"), error: ZLoadErrorFrame }),
  z.object({ t: z.literal("returned"), i: z.number().int(), timeMs: ZTimeMs, value: ZValueHeader }),
  z.object({ t: z.literal("raised"), i: z.number().int(), timeMs: ZTimeMs, error: ZRaisedFrame }),
  z.object({ t: z.literal("memory"), i: z.number().int(), timeMs: ZTimeMs }),
  z.object({ t: z.literal("done") }),
]);
export type TChildFrame = z.infer<typeof ZChildFrame>;

// Validates what the runner hands back before the grader trusts it (the runner's contract is in
// runner/src/types.ts); a result that does not fit is treated as an infrastructure fault.
import { z } from "zod";
import type { TJobResult } from "@runner";

const ZRaised = z.object({ type: z.string(), message: z.string(), traceback: z.string(), line: z.number().int().nullable() });

const ZEnding = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("signal"), signal: z.number().int() }),
  z.object({ kind: z.literal("exit"), code: z.number().int().nullable() }),
  z.object({ kind: z.literal("result-too-large"), limitMb: z.number() }),
  z.object({ kind: z.literal("channel-closed") }),
  z.object({ kind: z.literal("channel-violation") }),
]);

const ZShape = z.array(z.number().int().nonnegative());

const ZOtherForm = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("scalar"), repr: z.string() }),
  z.object({ kind: z.literal("dict"), keys: z.string() }),
  z.object({ kind: z.literal("ragged") }),
  z.object({ kind: z.literal("unconvertible"), error: z.string() }),
  z.object({ kind: z.literal("too-large"), shape: ZShape, maxElements: z.number().int() }),
  z.object({ kind: z.literal("complex"), shape: ZShape }),
  z.object({ kind: z.literal("strings"), shape: ZShape }),
  z.object({ kind: z.literal("non-number"), shape: ZShape, item: z.string(), itemType: z.string() }),
  z.object({ kind: z.literal("dtype"), dtype: z.string() }),
]);

const ZReturnedArray = z.object({ shape: ZShape, data: z.instanceof(Float64Array), dtype: z.string(), pyType: z.string() });

const ZReturned = z.discriminatedUnion("kind", [
  ZReturnedArray.extend({ kind: z.literal("array") }),
  z.object({ kind: z.literal("arrays"), pyType: z.string(), items: z.array(ZReturnedArray).min(1) }),
  z.object({ kind: z.literal("other"), pyType: z.string(), form: ZOtherForm }),
]);

const ZCaseOutcome = z.discriminatedUnion("status", [
  z.object({ status: z.literal("returned"), value: ZReturned, timeMs: z.number(), stdout: z.string() }),
  z.object({ status: z.literal("raised"), error: ZRaised, timeMs: z.number(), stdout: z.string() }),
  z.object({ status: z.literal("ended"), ending: ZEnding, timeMs: z.number(), stdout: z.string() }),
  z.object({
    status: z.literal("timeout"),
    limit: z.enum(["cpu", "wall"]),
    limitSeconds: z.number(),
    timeMs: z.number(),
    stdout: z.string(),
  }),
  z.object({ status: z.literal("memory"), limitMb: z.number(), timeMs: z.number(), stdout: z.string() }),
  z.object({ status: z.literal("not-run") }),
]);

const ZLoadError = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.enum(["syntax", "import", "memory", "exception"]), error: ZRaised }),
    z.object({ kind: z.literal("missing-function"), suggestion: z.string().nullable() }),
    z.object({ kind: z.literal("not-callable"), pyType: z.string() }),
    z.object({ kind: z.literal("timeout"), limit: z.enum(["cpu", "wall"]), limitSeconds: z.number() }),
    z.object({ kind: z.literal("ended"), ending: ZEnding }),
  ])
  .and(z.object({ stdout: z.string().optional() }));

export const ZJobResult = z.discriminatedUnion("gradable", [
  z.object({
    gradable: z.literal(true),
    load: z.discriminatedUnion("ok", [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: ZLoadError }),
    ]),
    cases: z.array(ZCaseOutcome),
    outputTruncated: z.boolean(),
    wallMs: z.number(),
  }),
  z.object({ gradable: z.literal(false), reason: z.string(), operatorMessage: z.string(), wallBeforeStart: z.literal(true).optional() }),
]) satisfies z.ZodType<TJobResult>;

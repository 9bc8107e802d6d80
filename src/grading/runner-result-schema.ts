// Validates what the runner hands back before the grader trusts it (the runner's contract is in
// runner/src/types.ts); a result that does not fit is treated as an infrastructure fault.
import { z } from "zod";
import type { TJobResult } from "@runner";

const ZReturned = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("array"),
    shape: z.array(z.number().int().nonnegative()),
    data: z.instanceof(Float64Array),
    dtype: z.string(),
    pyType: z.string(),
  }),
  z.object({ kind: z.literal("other"), pyType: z.string(), description: z.string() }),
]);

const ZCaseOutcome = z.discriminatedUnion("status", [
  z.object({ status: z.literal("returned"), value: ZReturned, timeMs: z.number(), stdout: z.string() }),
  z.object({
    status: z.literal("raised"),
    error: z.object({ type: z.string(), message: z.string(), traceback: z.string(), line: z.number().int().nullable() }),
    timeMs: z.number(),
    stdout: z.string(),
  }),
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

const ZLoadError = z.object({
  kind: z.enum(["syntax", "missing-function", "not-callable", "import", "exception", "timeout", "memory"]),
  message: z.string(),
  line: z.number().int().nullable(),
  traceback: z.string(),
  stdout: z.string().optional(),
});

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
  z.object({ gradable: z.literal(false), reason: z.string(), operatorMessage: z.string() }),
]) satisfies z.ZodType<TJobResult>;

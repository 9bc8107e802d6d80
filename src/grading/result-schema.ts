// The one versioned grading result, shared by the grader, the CLI, the database (stored as JSON)
// and the UI. Student-facing text is stored as { code, params } and worded in the reader's
// language at display time (result-format.ts). Non-finite numbers are encoded as the strings
// "NaN", "Infinity" and "-Infinity" (see ZJsonNumber) so a student's NaN survives JSON.stringify
// and JSON.parse unchanged. Version 1 (English and Chinese text side by side) is migrated by
// scripts/migrate-results-v2.ts.
import { z } from "zod";
import {
  isMessageCode,
  MAX_PARAM_LENGTH,
  MAX_STDOUT_LENGTH,
  NON_FINITE_NUMBERS,
  RESULT_VERSION,
  type TJsonNumber,
  type TMessage,
  type TMessageParam,
} from "./result-format";

/** A number as stored in JSON: finite numbers as themselves, NaN and ±Infinity as strings. */
export const ZJsonNumber: z.ZodType<TJsonNumber> = z.union([z.number(), z.enum(NON_FINITE_NUMBERS)]);

const ZMessageParam: z.ZodType<TMessageParam> = z.union([
  z.string().max(MAX_PARAM_LENGTH * 2),
  z.number(),
  z.null(),
  z.lazy(() => ZMessage),
]);

/** A stored sentence: a code of the src/i18n grading tables and the data it is worded around. */
export const ZMessage: z.ZodType<TMessage> = z.object({
  code: z.string().refine(isMessageCode, { error: (issue) => `unknown message code ${JSON.stringify(issue.input)}` }),
  params: z.record(z.string(), ZMessageParam),
}) as z.ZodType<TMessage>;

export const ZGradingMode = z.enum(["run", "submit"]);
export type TGradingMode = z.infer<typeof ZGradingMode>;

export const ZGradingStatus = z.enum(["passed", "failed", "error", "timeout"]);
export type TGradingStatus = z.infer<typeof ZGradingStatus>;

/** Shapes ("img.shape": [5, 7]) and parameters ("stride": 2, "padding": [1, 0], "stride": null for None). */
export const ZCaseParams = z.record(z.string(), z.union([z.number(), z.array(z.number()), z.null()]));

/**
 * A 2-D slice of a larger array for one heatmap. values[r][c] is the cell at
 * (rowOffset + r, colOffset + c) of the full plane: large planes are cropped around the first
 * wrong cell, and every coordinate in the detail is in full-plane units.
 */
export const ZHeatmap = z.object({
  /** e.g. "features[1], zero-padded" or "expected[0]" */
  label: ZMessage,
  /** the leading index of this plane (channel, or sample for cnn-forward), null for 2-D arrays */
  channel: z.number().int().nullable(),
  rowOffset: z.number().int().nonnegative(),
  colOffset: z.number().int().nonnegative(),
  values: z.array(z.array(ZJsonNumber)),
});
export type THeatmap = z.infer<typeof ZHeatmap>;

/** Where an output cell comes from in the padded input: rows [r0, r1) and columns [c0, c1). */
export const ZInputWindow = z.object({
  rows: z.tuple([z.number().int(), z.number().int()]),
  cols: z.tuple([z.number().int(), z.number().int()]),
  /** the input channel the window reads, or null when it spans every input channel */
  channel: z.number().int().nullable(),
});
export type TInputWindow = z.infer<typeof ZInputWindow>;

export const ZFirstWrong = z.object({
  /** full index into the output, e.g. [c, i, j] */
  index: z.array(z.number().int()),
  expected: z.number(),
  actual: ZJsonNumber,
  /** null when the value depends on the whole input (cnn-forward) */
  window: ZInputWindow.nullable(),
});
export type TFirstWrong = z.infer<typeof ZFirstWrong>;

export const ZCaseDetail = z.object({
  /** which array of a tuple output the detail shows (e.g. "dweights"); absent for one array and in results stored before */
  array: z.string().optional(),
  /** the input plane(s) the first wrong cell reads, padded as the reference pads them */
  input: z.array(ZHeatmap),
  /** "upstream-gradient": those planes are dout's, the output cells a gradient cell collects from (absent: the input) */
  inputRole: z.literal("upstream-gradient").optional(),
  /** padding added on each side of `input`, to shade it apart from the real image */
  inputPadding: z.object({ rows: z.number().int(), cols: z.number().int() }),
  /** the expected output plane that holds the first wrong cell (or plane 0) */
  expected: ZHeatmap,
  /** the same plane of the student's output; null when it has no such plane */
  actual: ZHeatmap.nullable(),
  /** null when the shapes differ */
  firstWrong: ZFirstWrong.nullable(),
  /** the largest |actual - expected| ("Infinity" when a value is NaN or infinite); null when the shapes differ */
  maxError: ZJsonNumber.nullable(),
  expectedShape: z.array(z.number().int()),
  actualShape: z.array(z.number().int()).nullable(),
  /**
   * The other array arguments (kernel, weights[o, c]) as planes; a plane's channel is the output
   * channel it produces, null when it serves all. Absent in results graded before they were kept.
   */
  kernels: z.array(ZHeatmap).optional(),
  /**
   * Every output channel's expected and returned plane (at most MAX_OUTPUT_PLANES, always with the
   * channel of the first wrong cell), for the channel picker; absent for 2-D outputs.
   */
  outputPlanes: z.array(z.object({ expected: ZHeatmap, actual: ZHeatmap.nullable() })).optional(),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

const ZLayerRow = z.object({ layer: ZMessage, shape: z.array(z.number().int()) });

/** A layer-shape table case's rows (src/grading/layer-shapes.ts): a side is null past the end of its table. */
export const ZLayerShapes = z.object({
  rows: z.array(z.object({ expected: ZLayerRow.nullable(), actual: ZLayerRow.nullable() })),
  /** the first row where the student's layer or shape differs; null when the tables match */
  firstDifferent: z.number().int().nonnegative().nullable(),
});
export type TLayerShapes = z.infer<typeof ZLayerShapes>;

export const ZCaseResult = z.object({
  /** the case's identifier (its English name): diagnoses list failing cases by it */
  name: z.string(),
  /** the name shown to the reader */
  title: ZMessage,
  points: z.number(),
  passed: z.boolean(),
  /** shown cut to MAX_MESSAGE_LENGTH characters */
  message: ZMessage,
  params: ZCaseParams,
  /** time spent in the student's function, null when it did not run */
  timeMs: z.number().nullable(),
  /** for a failing case whose output could be compared as an array; null otherwise */
  detail: ZCaseDetail.nullable(),
  /** for a case whose output is a layer-shape table, passing or not; absent otherwise */
  layerShapes: ZLayerShapes.optional(),
});
export type TCaseResult = z.infer<typeof ZCaseResult>;

export const ZDiagnosis = z.object({
  code: z.string(),
  message: ZMessage,
  /** names (the identifier `name`) of the failing cases this mistake explains */
  cases: z.array(z.string()),
  /** how sure: the mistake reproduces the output on `explained` of the `telling` cases (those where it would show) */
  explained: z.number().int().nonnegative().optional(),
  telling: z.number().int().nonnegative().optional(),
});
export type TDiagnosis = z.infer<typeof ZDiagnosis>;

export const ZGradingResult = z.object({
  version: z.literal(RESULT_VERSION),
  exercise: z.string(),
  mode: ZGradingMode,
  status: ZGradingStatus,
  /** false for an infrastructure fault: the attempt must not be counted */
  gradable: z.boolean(),
  score: z.number(),
  maxScore: z.number(),
  seed: z.number().int().nonnegative(),
  /** what went wrong before or around the cases (load error, time limit, grader fault); null otherwise; shown cut to 2 × MAX_MESSAGE_LENGTH */
  message: ZMessage.nullable(),
  /** for staff and logs when gradable is false: what the operator must fix; null otherwise */
  operatorMessage: z.string().nullable(),
  cases: z.array(ZCaseResult),
  /** most likely mistake first */
  diagnoses: z.array(ZDiagnosis),
  stdout: z.string().max(MAX_STDOUT_LENGTH),
  stdoutTruncated: z.boolean(),
  timing: z.object({ wallMs: z.number() }),
});
export type TGradingResult = z.infer<typeof ZGradingResult>;

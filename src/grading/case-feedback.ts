// Turns one case's runner outcome into the student-facing case result: its name and a message,
// as { code, params } (worded in the reader's language at display time), that names the inputs,
// the first wrong value and the window it comes from, plus the heatmap data for the UI.
import { describeSignal, type TCaseOutcome, type TOtherForm, type TRaised, type TReturned, type TRunnerEnding } from "@runner";
import { compareOutput, type TComparison, type TTolerance } from "./compare-output";
import type { TGradingCase } from "./exercise-definition";
import { takeSubarray, unravelIndex, type NdArray } from "./ndarray";
import {
  capText,
  encodeJsonNumber,
  formatNumber,
  formatParams,
  formatShape,
  MAX_PARAM_LENGTH,
  message,
  type TMessage,
} from "./result-format";
import type { TCaseDetail, TCaseResult, THeatmap } from "./result-schema";

/** Heatmaps larger than this are cropped around the first wrong cell. */
export const HEATMAP_MAX_SIDE = 32;
/** Output channels kept for the picker, besides the one with the first wrong cell. */
export const MAX_OUTPUT_PLANES = 8;

export interface TCaseVerdict {
  result: TCaseResult;
  /** the returned value of a failing case, for diagnosis */
  wrongReturn: TReturned | null;
}

const formatIndex = (index: readonly number[]) => `output[${index.join(", ")}]`;

function formatTuple(values: ArrayLike<number>, isInteger: boolean): string {
  const shown = Array.from(values, (value) => formatNumber(value, isInteger));
  return values.length === 1 ? `(${shown[0]},)` : `(${shown.join(", ")})`;
}

/** The time limit that ran out, as it reads after "the 1 s" in the stop messages. */
export const describeTimeLimit = (limit: "cpu" | "wall"): TMessage => message(limit === "cpu" ? "limitCpu" : "limitWall");

/** Python's own text, bounded: it is stored as data inside a message. */
export const pythonText = (text: string) => capText(text, MAX_PARAM_LENGTH);

/** A program ending the runner observed (a crash, an exit, ...), as a sentence. */
export function describeEnding(ending: TRunnerEnding): TMessage {
  switch (ending.kind) {
    case "signal":
      return message("endingSignal", {
        signal: describeSignal(ending.signal),
        hint: ending.signal === 11 || ending.signal === 7 ? message("endingSignalHint") : null,
      });
    case "exit":
      return message("endingExit", { code: String(ending.code) });
    case "result-too-large":
      return message("endingResultTooLarge", { limitMb: ending.limitMb });
    case "channel-closed":
      return message("endingChannelClosed");
    case "channel-violation":
      return message("endingChannelViolation");
  }
}

/** The name a runner ending is shown under, as if Python had raised it ("Raised Crash: ..."). */
const ENDING_TYPES: Record<TRunnerEnding["kind"], string> = {
  signal: "Crash",
  exit: "Exit",
  "result-too-large": "ResultTooLarge",
  "channel-closed": "ResultChannelClosed",
  "channel-violation": "ResultChannelError",
};

export function describeRaised({ type, message: text, line }: Pick<TRaised, "type" | "message" | "line">): TMessage {
  return message("caseRaised", {
    type: pythonText(type),
    at: line === null ? null : message("caseRaisedAt", { line }),
    detail: text ? message("caseRaisedMessage", { message: pythonText(text) }) : message("caseRaisedBare"),
  });
}

function describeOutcome(outcome: Exclude<TCaseOutcome, { status: "returned" }>): TMessage {
  switch (outcome.status) {
    case "raised":
      return describeRaised(outcome.error);
    case "ended":
      return message("caseEnded", { type: ENDING_TYPES[outcome.ending.kind], ending: describeEnding(outcome.ending) });
    case "timeout":
      return message("caseTimeout", { seconds: outcome.limitSeconds, limit: describeTimeLimit(outcome.limit) });
    case "memory":
      return message("caseMemory", { limitMb: outcome.limitMb });
    case "not-run":
      return message("caseNotRun");
  }
}

/** What a function returned that is not a numeric array, as the runner described it. */
export function describeOtherValue(pyType: string, form: TOtherForm): TMessage {
  switch (form.kind) {
    case "none":
      return message("valueNone");
    case "scalar":
      return message("valueScalar", { pyType, repr: form.repr });
    case "dict":
      return message("valueDict", { keys: form.keys });
    case "ragged":
      return message("valueRagged", { pyType });
    case "unconvertible":
      return message("valueUnconvertible", { pyType, error: form.error });
    case "too-large":
      return message("valueTooLarge", { shape: formatShape(form.shape), maxElements: form.maxElements });
    case "complex":
      return message("valueComplex", { pyType, shape: formatShape(form.shape) });
    case "strings":
      return message("valueStrings", { pyType, shape: formatShape(form.shape) });
    case "non-number":
      return message("valueNonNumber", { pyType, shape: formatShape(form.shape), item: form.item, itemType: form.itemType });
    case "dtype":
      return message("valueDtype", { pyType, dtype: form.dtype });
  }
}

function describeFloatComparison(
  comparison: Exclude<TComparison, { kind: "match" | "not-ints" }>,
  gradingCase: TGradingCase,
  returned: TReturned,
): TMessage {
  const expectedShape = formatShape(gradingCase.expected.shape);
  switch (comparison.kind) {
    case "not-array":
      return message("returnedNotArray", { value: describeOtherValue(comparison.pyType, comparison.form), shape: expectedShape });
    case "complex":
      return message("returnedComplex");
    case "wrong-shape":
      return message("wrongShape", { expected: expectedShape, actual: formatShape(comparison.actualShape) });
    case "wrong-values": {
      const shape = gradingCase.expected.shape;
      const at = unravelIndex(comparison.firstWrong, shape);
      const located = gradingCase.locate?.(at);
      const worstAt = comparison.maxErrorAt === comparison.firstWrong ? null : formatIndex(unravelIndex(comparison.maxErrorAt, shape));
      return message("wrongValue", {
        index: formatIndex(at),
        expected: formatNumber(gradingCase.expected.data[comparison.firstWrong]),
        actual: formatNumber(returned.kind === "array" ? returned.data[comparison.firstWrong] : NaN),
        from: located?.window ? message("comesFrom", { window: located.windowText }) : null,
        worst: worstAt ? message("largestError", { maxError: formatNumber(comparison.maxError), at: worstAt }) : null,
      });
    }
  }
}

function describeIntComparison(comparison: Exclude<TComparison, { kind: "match" }>, gradingCase: TGradingCase): TMessage {
  const expected = formatTuple(gradingCase.expected.data, true);
  const count = gradingCase.expected.data.length;
  switch (comparison.kind) {
    case "not-array":
      return message("intsNotArray", { value: describeOtherValue(comparison.pyType, comparison.form), count, expected });
    case "complex":
      return message("intsComplex", { expected });
    case "wrong-shape":
      return message("intsWrongShape", { count, expected, actual: formatShape(comparison.actualShape) });
    case "not-ints":
      return message("intsNotInts", { dtype: comparison.dtype, expected });
    case "wrong-values":
      return message("intsWrongValues", { expected });
  }
}

/** Crops a plane to at most HEATMAP_MAX_SIDE per side, keeping `focus` (row, col) inside. */
export function toHeatmap(label: TMessage, channel: number | null, plane: NdArray, focus: [number, number]): THeatmap {
  const [rows, cols] = plane.shape;
  const start = (size: number, at: number) =>
    size <= HEATMAP_MAX_SIDE ? 0 : Math.max(0, Math.min(at - HEATMAP_MAX_SIDE / 2, size - HEATMAP_MAX_SIDE));
  const [rowOffset, colOffset] = [start(rows, focus[0]), start(cols, focus[1])];
  const values: THeatmap["values"] = [];
  for (let r = rowOffset; r < Math.min(rows, rowOffset + HEATMAP_MAX_SIDE); r++) {
    const row: THeatmap["values"][number] = [];
    for (let c = colOffset; c < Math.min(cols, colOffset + HEATMAP_MAX_SIDE); c++) row.push(encodeJsonNumber(plane.data[r * cols + c]));
    values.push(row);
  }
  return { label, channel, rowOffset, colOffset, values };
}

/** The 2-D plane of `shape` holding `index` (the channel for (C, H, W), the whole array for 2-D). */
function selectPlane(array: { shape: number[]; data: Float64Array }, index: readonly number[], name: "heatmapExpected" | "heatmapActual") {
  const leading = index.slice(0, -2);
  const isInside = array.shape.length === index.length && leading.every((at, axis) => at < array.shape[axis]);
  if (!isInside || index.length < 2) return null;
  const plane = takeSubarray({ kind: "ndarray", shape: array.shape, data: array.data }, leading);
  const at = leading.length === 0 ? "" : `[${leading.join(", ")}]`;
  return { plane, label: message(name, { at }), channel: leading.length === 0 ? null : leading[0] };
}

/**
 * Each output channel's expected and returned plane for the picker: the first MAX_OUTPUT_PLANES
 * channels and the one holding the first wrong cell, cropped around that cell's position.
 */
function listOutputPlanes(expected: NdArray, returned: { shape: number[]; data: Float64Array }, index: readonly number[], focus: [number, number]) {
  const channels = Array.from({ length: Math.min(expected.shape[0], MAX_OUTPUT_PLANES) }, (_, channel) => channel);
  if (!channels.includes(index[0])) channels.push(index[0]);
  return channels.map((channel) => {
    const at = [channel, ...index.slice(1)];
    const expectedPlane = selectPlane(expected, at, "heatmapExpected")!;
    const actualPlane = selectPlane(returned, at, "heatmapActual");
    return {
      expected: toHeatmap(expectedPlane.label, expectedPlane.channel, expectedPlane.plane, focus),
      actual: actualPlane ? toHeatmap(actualPlane.label, actualPlane.channel, actualPlane.plane, focus) : null,
    };
  });
}

function buildDetail(gradingCase: TGradingCase, comparison: TComparison, returned: TReturned): TCaseDetail | null {
  if (!gradingCase.locate || returned.kind !== "array") return null;
  if (comparison.kind !== "wrong-values" && comparison.kind !== "wrong-shape") return null;
  const expected = gradingCase.expected;
  const index =
    comparison.kind === "wrong-values" ? unravelIndex(comparison.firstWrong, expected.shape) : expected.shape.map(() => 0);
  const focus: [number, number] = [index[index.length - 2] ?? 0, index[index.length - 1] ?? 0];
  const located = gradingCase.locate(index);
  const windowFocus: [number, number] = located.window ? [located.window.rows[0], located.window.cols[0]] : [0, 0];
  const expectedPlane = selectPlane(expected, index, "heatmapExpected");
  const actualPlane = selectPlane(returned, index, "heatmapActual");
  if (!expectedPlane) return null;
  const firstWrong =
    comparison.kind === "wrong-values"
      ? {
          index,
          expected: expected.data[comparison.firstWrong],
          actual: encodeJsonNumber(returned.data[comparison.firstWrong]),
          window: located.window,
        }
      : null;
  return {
    input: located.input.map(({ label, channel, plane }) => toHeatmap(label, channel, plane, windowFocus)),
    ...(located.kernels ? { kernels: located.kernels.map(({ label, channel, plane }) => toHeatmap(label, channel, plane, [0, 0])) } : {}),
    ...(expected.shape.length === 3 ? { outputPlanes: listOutputPlanes(expected, returned, index, focus) } : {}),
    inputPadding: located.inputPadding,
    expected: toHeatmap(expectedPlane.label, expectedPlane.channel, expectedPlane.plane, focus),
    actual: actualPlane ? toHeatmap(actualPlane.label, actualPlane.channel, actualPlane.plane, focus) : null,
    firstWrong,
    maxError: comparison.kind === "wrong-values" ? encodeJsonNumber(comparison.maxError) : null,
    expectedShape: expected.shape,
    actualShape: returned.shape,
  };
}

export function judgeCase(options: {
  gradingCase: TGradingCase;
  outcome: TCaseOutcome;
  points: number;
  tolerance: TTolerance;
  output: "floats" | "ints";
}): TCaseVerdict {
  const { gradingCase, outcome, points, tolerance, output } = options;
  const params = gradingCase.params;
  const base = {
    name: gradingCase.name,
    title: gradingCase.title,
    points,
    params,
    timeMs: outcome.status === "not-run" ? null : outcome.timeMs,
  };
  const failed = (text: TMessage) => message("caseFailed", { params: formatParams(params), text });
  if (outcome.status !== "returned") {
    return { result: { ...base, passed: false, message: failed(describeOutcome(outcome)), detail: null }, wrongReturn: null };
  }
  const returned = outcome.value;
  const comparison = compareOutput(gradingCase.expected, returned, tolerance, output);
  if (comparison.kind === "match") {
    return { result: { ...base, passed: true, message: message("casePassed"), detail: null }, wrongReturn: null };
  }
  const isInts = output === "ints" || comparison.kind === "not-ints";
  const got = isInts && returned.kind === "array" ? formatTuple(returned.data, /int/.test(returned.dtype)) : null;
  const explanation = isInts ? describeIntComparison(comparison, gradingCase) : describeFloatComparison(comparison, gradingCase, returned);
  return {
    result: {
      ...base,
      passed: false,
      message: failed(got ? message("intsGot", { got, text: explanation }) : explanation),
      detail: buildDetail(gradingCase, comparison, returned),
    },
    wrongReturn: returned,
  };
}

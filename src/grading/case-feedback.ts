// Turns one case's runner outcome into the student-facing case result: its name and a message,
// as { code, params } (worded in the reader's language at display time), that names the inputs,
// the first wrong value and the window it comes from, plus the heatmap data for the UI.
import { describeSignal, type TCaseOutcome, type TRaised, type TReturned, type TRunnerEnding } from "@runner";
import { compareOutput, type TComparison, type TNotArrayForm, type TTolerance } from "./compare-output";
import type { TGradingCase } from "./exercise-definition";
import { takeSubarray, unravelIndex, type NdArray } from "./ndarray";
import { compareLayerShapes } from "./layer-shapes";
import { locatePackedIndex, splitReturned, takePart, type TOutputPart } from "./output-parts";
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

const formatIndex = (index: readonly number[], name = "output") => `${name}[${index.join(", ")}]`;

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
export function describeOtherValue(pyType: string, form: TNotArrayForm): TMessage {
  switch (form.kind) {
    case "arrays":
      return message("valueSeveralArrays", { pyType, count: form.shapes.length, shapes: form.shapes.map(formatShape).join(", ") });
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

/** The arrays a case compares: the output, or each array of a tuple output, with the student's one if its shape is right. */
interface TComparedArray {
  name: string;
  expected: NdArray;
  actual: { shape: number[]; data: Float64Array } | null;
  /** the part's index for locate (0 for a single output) */
  part: number;
}

function listComparedArrays(gradingCase: TGradingCase, returned: TReturned): TComparedArray[] {
  const { parts, expected } = gradingCase;
  if (parts === null) return [{ name: "output", expected, actual: returned.kind === "array" ? returned : null, part: 0 }];
  const split = splitReturned(returned, parts.length);
  return parts.map((part, k) => ({
    name: part.name,
    expected: takePart(expected, part),
    actual: split.kind === "items" ? split.items[k] : null,
    part: k,
  }));
}

/** The array and the cell inside it that a packed index points at. */
function findCell(compared: readonly TComparedArray[], parts: readonly TOutputPart[] | null, flat: number) {
  const at = parts === null ? { part: 0, flat } : locatePackedIndex(parts, flat);
  const array = compared[at.part];
  return { array, flat: at.flat, index: unravelIndex(at.flat, array.expected.shape) };
}

const listNames = (parts: readonly TOutputPart[]) => parts.map((part) => part.name).join(", ");

function describeFloatComparison(
  comparison: Exclude<TComparison, { kind: "match" | "not-ints" }>,
  gradingCase: TGradingCase,
  returned: TReturned,
  tolerance: TTolerance,
  /** an "ints" exercise returning several arrays (a list of shapes) quotes its values as integers */
  isInteger: boolean,
): TMessage {
  const expectedShape = formatShape(gradingCase.expected.shape);
  const parts = gradingCase.parts ?? [];
  switch (comparison.kind) {
    case "not-array":
      return gradingCase.parts
        ? message("returnedNotSequence", { value: describeOtherValue(comparison.pyType, comparison.form), count: parts.length, names: listNames(parts) })
        : message("returnedNotArray", { value: describeOtherValue(comparison.pyType, comparison.form), shape: expectedShape });
    case "not-sequence":
      return message("returnedNotSequence", {
        value: comparison.shape ? message("valueArrayOfShape", { shape: formatShape(comparison.shape) }) : comparison.pyType,
        count: parts.length,
        names: listNames(parts),
      });
    case "wrong-count":
      return message("returnedWrongCount", { pyType: comparison.pyType, actual: comparison.count, count: parts.length, names: listNames(parts) });
    case "complex":
      return message("returnedComplex");
    case "wrong-shape":
      return comparison.part === null
        ? message("wrongShape", { expected: expectedShape, actual: formatShape(comparison.actualShape) })
        : message("partWrongShape", {
            name: parts[comparison.part].name,
            expected: formatShape(parts[comparison.part].shape),
            actual: formatShape(comparison.actualShape),
          });
    case "wrong-values": {
      const compared = listComparedArrays(gradingCase, returned);
      const wrong = findCell(compared, gradingCase.parts, comparison.firstWrong);
      const located = gradingCase.locate?.(wrong.index, wrong.array.part);
      const cell = {
        index: formatIndex(wrong.index, wrong.array.name),
        expected: formatNumber(wrong.array.expected.data[wrong.flat], isInteger),
        actual: formatNumber(wrong.array.actual?.data[wrong.flat] ?? NaN, isInteger),
        from: located?.window ? message("comesFrom", { window: located.windowText }) : null,
      };
      if (comparison.relativeError !== null) {
        const threshold = "relativeError" in tolerance ? tolerance.relativeError : 0;
        return message("wrongRelativeError", { ...cell, array: wrong.array.name, error: formatNumber(comparison.relativeError), threshold: formatNumber(threshold) });
      }
      const worst = findCell(compared, gradingCase.parts, comparison.maxErrorAt);
      const worstAt = comparison.maxErrorAt === comparison.firstWrong ? null : formatIndex(worst.index, worst.array.name);
      return message("wrongValue", {
        ...cell,
        worst: worstAt ? message("largestError", { maxError: formatNumber(comparison.maxError, isInteger), at: worstAt }) : null,
      });
    }
  }
}

const INT_COMPARISONS = ["not-array", "complex", "wrong-shape", "not-ints", "wrong-values"] as const;
type TIntComparison = Extract<TComparison, { kind: (typeof INT_COMPARISONS)[number] }>;

function describeIntComparison(comparison: TIntComparison, gradingCase: TGradingCase): TMessage {
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
  if (!gradingCase.locate) return null;
  if (comparison.kind !== "wrong-values" && comparison.kind !== "wrong-shape") return null;
  const compared = listComparedArrays(gradingCase, returned);
  const wrong =
    comparison.kind === "wrong-values"
      ? findCell(compared, gradingCase.parts, comparison.firstWrong)
      : { array: compared[comparison.part ?? 0], flat: 0, index: compared[comparison.part ?? 0].expected.shape.map(() => 0) };
  const { array, index } = wrong;
  if (!array.actual) return null;
  const focus: [number, number] = [index[index.length - 2] ?? 0, index[index.length - 1] ?? 0];
  const located = gradingCase.locate(index, array.part);
  const windowFocus: [number, number] = located.window ? [located.window.rows[0], located.window.cols[0]] : [0, 0];
  const expectedPlane = selectPlane(array.expected, index, "heatmapExpected");
  const actualPlane = selectPlane(array.actual, index, "heatmapActual");
  if (!expectedPlane) return null;
  const firstWrong =
    comparison.kind === "wrong-values"
      ? { index, expected: array.expected.data[wrong.flat], actual: encodeJsonNumber(array.actual.data[wrong.flat]), window: located.window }
      : null;
  return {
    ...(gradingCase.parts ? { array: array.name } : {}),
    input: located.input.map(({ label, channel, plane }) => toHeatmap(label, channel, plane, windowFocus)),
    ...(located.inputRole ? { inputRole: located.inputRole } : {}),
    ...(located.kernels ? { kernels: located.kernels.map(({ label, channel, plane }) => toHeatmap(label, channel, plane, [0, 0])) } : {}),
    ...(array.expected.shape.length === 3 ? { outputPlanes: listOutputPlanes(array.expected, array.actual, index, focus) } : {}),
    inputPadding: located.inputPadding,
    expected: toHeatmap(expectedPlane.label, expectedPlane.channel, expectedPlane.plane, focus),
    actual: actualPlane ? toHeatmap(actualPlane.label, actualPlane.channel, actualPlane.plane, focus) : null,
    firstWrong,
    maxError: comparison.kind === "wrong-values" ? encodeJsonNumber(comparison.maxError) : null,
    expectedShape: array.expected.shape,
    actualShape: array.actual.shape,
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
  const base: Omit<TCaseResult, "passed" | "message" | "detail"> = {
    name: gradingCase.name,
    title: gradingCase.title,
    points,
    params,
    timeMs: outcome.status === "not-run" ? null : outcome.timeMs,
  };
  const failed = (text: TMessage) => message("caseFailed", { params: formatParams(params), text });
  if (gradingCase.isLayerTable) base.layerShapes = compareLayerShapes(gradingCase.expected, outcome.status === "returned" ? outcome.value : null);
  if (outcome.status !== "returned") {
    return { result: { ...base, passed: false, message: failed(describeOutcome(outcome)), detail: null }, wrongReturn: null };
  }
  const returned = outcome.value;
  const comparison = compareOutput(gradingCase.expected, returned, tolerance, output, gradingCase.parts);
  if (comparison.kind === "match") {
    return { result: { ...base, passed: true, message: message("casePassed"), detail: null }, wrongReturn: null };
  }
  // the sizes of one tuple of ints are quoted as a tuple; a tuple output's arrays are named instead
  const isInts =
    comparison.kind === "not-ints" ||
    (output === "ints" && gradingCase.parts === null && INT_COMPARISONS.some((kind) => kind === comparison.kind));
  const got = isInts && returned.kind === "array" ? formatTuple(returned.data, /int/.test(returned.dtype)) : null;
  const explanation = isInts
    ? describeIntComparison(comparison as TIntComparison, gradingCase)
    : describeFloatComparison(comparison as Exclude<TComparison, { kind: "match" | "not-ints" }>, gradingCase, returned, tolerance, output === "ints");
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

// Turns one case's runner outcome into the student-facing case result: a message that names the
// inputs, the first wrong value and the window it comes from, plus the heatmap data for the UI.
import type { TCaseOutcome, TReturned } from "@runner";
import { compareOutput, type TComparison, type TTolerance } from "./compare-output";
import type { TGradingCase } from "./exercise-definition";
import { formatShape, takeSubarray, unravelIndex, type NdArray } from "./ndarray";
import {
  capText,
  encodeJsonNumber,
  MAX_MESSAGE_LENGTH,
  type TCaseDetail,
  type TCaseParams,
  type TCaseResult,
  type THeatmap,
} from "./result-schema";

/** Heatmaps larger than this are cropped around the first wrong cell. */
export const HEATMAP_MAX_SIDE = 32;

export interface TCaseVerdict {
  result: TCaseResult;
  /** the returned value of a failing case, for diagnosis */
  wrongReturn: TReturned | null;
}

/** Numbers as Python prints them, shortened: nan, inf, 5.0, 0.123457. */
export function formatNumber(value: number, isInteger = false): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (isInteger) return String(value);
  const short = String(Number(value.toPrecision(6)));
  return /[.e]/.test(short) ? short : `${short}.0`;
}

export function formatParams(params: TCaseParams): string {
  return Object.entries(params)
    .map(([key, value]) => {
      if (value === null) return `${key}=None`;
      if (typeof value === "number") return `${key}=${value}`;
      return `${key}=${key.endsWith(".shape") ? formatShape(value) : `(${value.join(", ")})`}`;
    })
    .join(", ");
}

const formatIndex = (index: readonly number[]) => `output[${index.join(", ")}]`;

function formatTuple(values: ArrayLike<number>, isInteger: boolean): string {
  const shown = Array.from(values, (value) => formatNumber(value, isInteger));
  return values.length === 1 ? `(${shown[0]},)` : `(${shown.join(", ")})`;
}

function describeOutcome(outcome: Exclude<TCaseOutcome, { status: "returned" }>): string {
  switch (outcome.status) {
    case "raised": {
      const where = outcome.error.line === null ? "" : ` at line ${outcome.error.line}`;
      return `Raised ${outcome.error.type}${where}${outcome.error.message ? `: ${outcome.error.message}` : "."}`;
    }
    case "timeout": {
      const kind = outcome.limit === "cpu" ? "CPU time" : "wall-clock time";
      return `Stopped: the ${outcome.limitSeconds} s ${kind} limit (for all cases together) ran out during this case.`;
    }
    case "memory":
      return `Stopped: this case went over the ${outcome.limitMb} MiB memory limit.`;
    case "not-run":
      return "Not run: an earlier case stopped your program.";
  }
}

function describeFloatComparison(
  comparison: Exclude<TComparison, { kind: "match" | "not-ints" }>,
  gradingCase: TGradingCase,
  returned: TReturned,
): string {
  const expectedShape = formatShape(gradingCase.expected.shape);
  switch (comparison.kind) {
    case "not-array":
      return `Returned ${comparison.description}; expected an array of shape ${expectedShape}.`;
    case "complex":
      return "Returned complex numbers; expected real numbers.";
    case "wrong-shape":
      return `Wrong shape: expected ${expectedShape}, got ${formatShape(comparison.actualShape)}.`;
    case "wrong-values": {
      const shape = gradingCase.expected.shape;
      const index = unravelIndex(comparison.firstWrong, shape);
      const actual = returned.kind === "array" ? returned.data[comparison.firstWrong] : NaN;
      const located = gradingCase.locate?.(index);
      const source = located?.window ? ` It comes from ${located.windowText}.` : "";
      const worst =
        comparison.maxErrorAt === comparison.firstWrong
          ? ""
          : ` Largest error: ${formatNumber(comparison.maxError)} at ${formatIndex(unravelIndex(comparison.maxErrorAt, shape))}.`;
      return (
        `${formatIndex(index)} is wrong: expected ${formatNumber(gradingCase.expected.data[comparison.firstWrong])}, ` +
        `got ${formatNumber(actual)}.${source}${worst}`
      );
    }
  }
}

function describeIntComparison(comparison: Exclude<TComparison, { kind: "match" }>, gradingCase: TGradingCase): string {
  const expected = formatTuple(gradingCase.expected.data, true);
  switch (comparison.kind) {
    case "not-array":
      return `Returned ${comparison.description}; expected a tuple of ${gradingCase.expected.data.length} ints like ${expected}.`;
    case "complex":
      return `Returned complex numbers; expected ${expected}.`;
    case "wrong-shape":
      return `Expected a tuple of ${gradingCase.expected.data.length} ints, like ${expected}; got shape ${formatShape(comparison.actualShape)}.`;
    case "not-ints":
      return `Each size must be an int; got values of dtype ${comparison.dtype}. Expected ${expected}.`;
    case "wrong-values":
      return `Expected ${expected}.`;
  }
}

/** Crops a plane to at most HEATMAP_MAX_SIDE per side, keeping `focus` (row, col) inside. */
export function toHeatmap(label: string, channel: number | null, plane: NdArray, focus: [number, number]): THeatmap {
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
function selectPlane(array: { shape: number[]; data: Float64Array }, index: readonly number[], name: string) {
  const leading = index.slice(0, -2);
  const isInside = array.shape.length === index.length && leading.every((at, axis) => at < array.shape[axis]);
  if (!isInside || index.length < 2) return null;
  const plane = takeSubarray({ kind: "ndarray", shape: array.shape, data: array.data }, leading);
  const label = leading.length === 0 ? name : `${name}[${leading.join(", ")}]`;
  return { plane, label, channel: leading.length === 0 ? null : leading[0] };
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
  const expectedPlane = selectPlane(expected, index, "expected");
  const actualPlane = selectPlane(returned, index, "actual");
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
  const base = { name: gradingCase.name, points, params, timeMs: outcome.status === "not-run" ? null : outcome.timeMs };
  const withParams = (text: string) => capText(`${formatParams(params)}: ${text}`, MAX_MESSAGE_LENGTH);
  if (outcome.status !== "returned") {
    return { result: { ...base, passed: false, message: withParams(describeOutcome(outcome)), detail: null }, wrongReturn: null };
  }
  const returned = outcome.value;
  const comparison = compareOutput(gradingCase.expected, returned, tolerance, output);
  if (comparison.kind === "match") {
    return { result: { ...base, passed: true, message: "Passed.", detail: null }, wrongReturn: null };
  }
  const explanation =
    output === "ints" || comparison.kind === "not-ints"
      ? `${returned.kind === "array" ? `Got ${formatTuple(returned.data, /int/.test(returned.dtype))}. ` : ""}${describeIntComparison(comparison, gradingCase)}`
      : describeFloatComparison(comparison, gradingCase, returned);
  return {
    result: {
      ...base,
      passed: false,
      message: withParams(explanation),
      detail: buildDetail(gradingCase, comparison, returned),
    },
    wrongReturn: returned,
  };
}

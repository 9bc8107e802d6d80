// Turns one case's runner outcome into the student-facing case result: its name and a message in
// English and Simplified Chinese that names the inputs, the first wrong value and the window it
// comes from, plus the heatmap data (labelled in both languages) for the UI.
import type { TCaseOutcome, TReturned } from "@runner";
import { compareOutput, type TComparison, type TTolerance } from "./compare-output";
import type { TGradingCase } from "./exercise-definition";
import { formatShape, takeSubarray, unravelIndex, type NdArray } from "./ndarray";
import { translateReturnedDescription, translateRunnerEnding } from "./runner-text-zh";
import {
  capText,
  encodeJsonNumber,
  MAX_MESSAGE_LENGTH,
  type TBilingualText,
  type TCaseDetail,
  type TCaseParams,
  type TCaseResult,
  type THeatmap,
} from "./result-schema";

/** Heatmaps larger than this are cropped around the first wrong cell. */
export const HEATMAP_MAX_SIDE = 32;

export interface TCaseVerdict {
  result: TCaseResult & { nameZh: string; messageZh: string };
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

/** Latin text inside a Chinese sentence is set apart by spaces: "由 padding_img[2:5, 4:7] 计算". */
export const amidChinese = (text: string) => `${/^[!-~]/.test(text) ? " " : ""}${text}${/[!-~]$/.test(text) ? " " : ""}`;

/** The time limit that ran out, as it reads after "the 1 s" / "1 秒的". */
export const describeTimeLimit = (limit: "cpu" | "wall"): TBilingualText =>
  limit === "cpu" ? { en: "CPU time", zh: "CPU 时间" } : { en: "wall-clock time", zh: "实际运行时间" };

function describeOutcome(outcome: Exclude<TCaseOutcome, { status: "returned" }>): TBilingualText {
  switch (outcome.status) {
    case "raised": {
      const { type, message, line, traceback } = outcome.error;
      // the runner's own endings (Crash, Exit, ...) carry no line or traceback and an English sentence
      const messageZh = (line === null && traceback === "" ? translateRunnerEnding(message) : null) ?? message;
      return {
        en: `Raised ${type}${line === null ? "" : ` at line ${line}`}${message ? `: ${message}` : "."}`,
        zh: `抛出了 ${type}${line === null ? "" : `（第 ${line} 行）`}${message ? `：${messageZh}` : "。"}`,
      };
    }
    case "timeout": {
      const kind = describeTimeLimit(outcome.limit);
      return {
        en: `Stopped: the ${outcome.limitSeconds} s ${kind.en} limit (for all cases together) ran out during this case.`,
        zh: `已停止：${outcome.limitSeconds} 秒的${amidChinese(kind.zh)}限制（所有用例共用）在运行这个用例时用完了。`,
      };
    }
    case "memory":
      return {
        en: `Stopped: this case went over the ${outcome.limitMb} MiB memory limit.`,
        zh: `已停止：这个用例超出了 ${outcome.limitMb} MiB 的内存限制。`,
      };
    case "not-run":
      return { en: "Not run: an earlier case stopped your program.", zh: "未运行：前面的某个用例已使你的程序停止。" };
  }
}

function describeFloatComparison(
  comparison: Exclude<TComparison, { kind: "match" | "not-ints" }>,
  gradingCase: TGradingCase,
  returned: TReturned,
): TBilingualText {
  const expectedShape = formatShape(gradingCase.expected.shape);
  switch (comparison.kind) {
    case "not-array":
      return {
        en: `Returned ${comparison.description}; expected an array of shape ${expectedShape}.`,
        zh: `返回了 ${translateReturnedDescription(comparison.description)}；应返回形状为 ${expectedShape} 的数组。`,
      };
    case "complex":
      return { en: "Returned complex numbers; expected real numbers.", zh: "返回了复数；应返回实数。" };
    case "wrong-shape": {
      const actualShape = formatShape(comparison.actualShape);
      return {
        en: `Wrong shape: expected ${expectedShape}, got ${actualShape}.`,
        zh: `形状错误：期望 ${expectedShape}，得到 ${actualShape}。`,
      };
    }
    case "wrong-values": {
      const shape = gradingCase.expected.shape;
      const at = unravelIndex(comparison.firstWrong, shape);
      const index = formatIndex(at);
      const expected = formatNumber(gradingCase.expected.data[comparison.firstWrong]);
      const actual = formatNumber(returned.kind === "array" ? returned.data[comparison.firstWrong] : NaN);
      const located = gradingCase.locate?.(at);
      const hasWindow = Boolean(located?.window);
      const worstAt = comparison.maxErrorAt === comparison.firstWrong ? null : formatIndex(unravelIndex(comparison.maxErrorAt, shape));
      const maxError = formatNumber(comparison.maxError);
      return {
        en:
          `${index} is wrong: expected ${expected}, got ${actual}.` +
          (hasWindow ? ` It comes from ${located!.windowText}.` : "") +
          (worstAt ? ` Largest error: ${maxError} at ${worstAt}.` : ""),
        zh:
          `${index} 的值错误：期望 ${expected}，得到 ${actual}。` +
          (hasWindow ? `它由${amidChinese(located!.windowTextZh)}计算得到。` : "") +
          (worstAt ? `最大误差：${maxError}，位于 ${worstAt}。` : ""),
      };
    }
  }
}

function describeIntComparison(comparison: Exclude<TComparison, { kind: "match" }>, gradingCase: TGradingCase): TBilingualText {
  const expected = formatTuple(gradingCase.expected.data, true);
  const count = gradingCase.expected.data.length;
  switch (comparison.kind) {
    case "not-array":
      return {
        en: `Returned ${comparison.description}; expected a tuple of ${count} ints like ${expected}.`,
        zh: `返回了 ${translateReturnedDescription(comparison.description)}；应返回由 ${count} 个 int 组成的元组，例如 ${expected}。`,
      };
    case "complex":
      return { en: `Returned complex numbers; expected ${expected}.`, zh: `返回了复数；期望 ${expected}。` };
    case "wrong-shape": {
      const actualShape = formatShape(comparison.actualShape);
      return {
        en: `Expected a tuple of ${count} ints, like ${expected}; got shape ${actualShape}.`,
        zh: `应返回由 ${count} 个 int 组成的元组，例如 ${expected}；得到的形状为 ${actualShape}。`,
      };
    }
    case "not-ints":
      return {
        en: `Each size must be an int; got values of dtype ${comparison.dtype}. Expected ${expected}.`,
        zh: `每个尺寸都必须是 int；得到的值的 dtype 为 ${comparison.dtype}。期望 ${expected}。`,
      };
    case "wrong-values":
      return { en: `Expected ${expected}.`, zh: `期望 ${expected}。` };
  }
}

/** Crops a plane to at most HEATMAP_MAX_SIDE per side, keeping `focus` (row, col) inside. */
export function toHeatmap(label: TBilingualText, channel: number | null, plane: NdArray, focus: [number, number]): THeatmap {
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
  return { label: label.en, labelZh: label.zh, channel, rowOffset, colOffset, values };
}

/** The 2-D plane of `shape` holding `index` (the channel for (C, H, W), the whole array for 2-D). */
function selectPlane(array: { shape: number[]; data: Float64Array }, index: readonly number[], name: TBilingualText) {
  const leading = index.slice(0, -2);
  const isInside = array.shape.length === index.length && leading.every((at, axis) => at < array.shape[axis]);
  if (!isInside || index.length < 2) return null;
  const plane = takeSubarray({ kind: "ndarray", shape: array.shape, data: array.data }, leading);
  const at = leading.length === 0 ? "" : `[${leading.join(", ")}]`;
  return { plane, label: { en: `${name.en}${at}`, zh: `${name.zh}${at}` }, channel: leading.length === 0 ? null : leading[0] };
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
  const expectedPlane = selectPlane(expected, index, { en: "expected", zh: "期望输出" });
  const actualPlane = selectPlane(returned, index, { en: "actual", zh: "你的输出" });
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
    input: located.input.map(({ label, labelZh, channel, plane }) => toHeatmap({ en: label, zh: labelZh }, channel, plane, windowFocus)),
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
    nameZh: gradingCase.nameZh,
    points,
    params,
    timeMs: outcome.status === "not-run" ? null : outcome.timeMs,
  };
  const described = formatParams(params);
  const withParams = (text: TBilingualText) => ({
    message: capText(`${described}: ${text.en}`, MAX_MESSAGE_LENGTH),
    messageZh: capText(`${described}：${text.zh}`, MAX_MESSAGE_LENGTH),
  });
  if (outcome.status !== "returned") {
    return { result: { ...base, passed: false, ...withParams(describeOutcome(outcome)), detail: null }, wrongReturn: null };
  }
  const returned = outcome.value;
  const comparison = compareOutput(gradingCase.expected, returned, tolerance, output);
  if (comparison.kind === "match") {
    return { result: { ...base, passed: true, message: "Passed.", messageZh: "通过。", detail: null }, wrongReturn: null };
  }
  const isInts = output === "ints" || comparison.kind === "not-ints";
  const got = isInts && returned.kind === "array" ? formatTuple(returned.data, /int/.test(returned.dtype)) : null;
  const explanation = isInts ? describeIntComparison(comparison, gradingCase) : describeFloatComparison(comparison, gradingCase, returned);
  return {
    result: {
      ...base,
      passed: false,
      ...withParams(got ? { en: `Got ${got}. ${explanation.en}`, zh: `得到 ${got}。${explanation.zh}` } : explanation),
      detail: buildDetail(gradingCase, comparison, returned),
    },
    wrongReturn: returned,
  };
}

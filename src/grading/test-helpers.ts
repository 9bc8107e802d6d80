// Helpers for unit tests: arrays written as nested lists, and the runner outcomes the sandbox
// would report for a given return value.
import type { TCaseOutcome, TReturned } from "@runner";
import { createNdArray, ravelIndex, type NdArray } from "./ndarray";
import type { TPackedArray } from "./output-parts";
import { renderMessage, type TMessage } from "./result-format";

export type TReturnedArray = Extract<TReturned, { kind: "array" }>;

/** Builds an array from nested lists, so tests read like the numpy they mirror. */
export function fromNested(nested: unknown): NdArray {
  const shape: number[] = [];
  for (let level: unknown = nested; Array.isArray(level); level = level[0]) shape.push(level.length);
  return createNdArray(shape, (nested as unknown[]).flat(Infinity) as number[]);
}

/** Rows of a 2-D array as plain lists. */
export function toRows(matrix: NdArray): number[][] {
  const [rows, cols] = matrix.shape;
  return Array.from({ length: rows }, (_, r) => Array.from(matrix.data.subarray(r * cols, (r + 1) * cols)));
}

export function getAt(array: NdArray, index: readonly number[]): number {
  return array.data[ravelIndex(index, array.shape)];
}

export function returnedArray(array: { shape: number[]; data: ArrayLike<number> }, dtype = "float64", pyType = "ndarray"): TReturnedArray {
  return { kind: "array", shape: [...array.shape], data: Float64Array.from(array.data), dtype, pyType };
}

/** What a function returning `array` gives back: the tuple a packed array (output-parts.ts) stands for, or the array. */
export function returnedValue(array: NdArray, dtype = "float64", pyType = "ndarray"): TReturned {
  if (!("partShapes" in array)) return returnedArray(array, dtype, pyType);
  let offset = 0;
  const items = (array as TPackedArray).partShapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    offset += size;
    return { shape, data: array.data.slice(offset - size, offset), dtype, pyType: "ndarray" };
  });
  return { kind: "arrays", pyType: "tuple", items };
}

/** `array` with every value transformed, still standing for its tuple when it is a packed one. */
export function mapReturnedValues(array: NdArray, transform: (value: number) => number): NdArray {
  return { ...array, data: array.data.map(transform) };
}

export function returnedOutcome(value: NdArray | TReturned, dtype?: string): TCaseOutcome {
  const returned = value.kind === "ndarray" ? returnedValue(value, dtype) : value;
  return { status: "returned", value: returned, timeMs: 1, stdout: "" };
}

/** A stored message as an English or Chinese reader sees it (null stays null). */
export function inEnglish<T extends TMessage | null>(text: T): T extends TMessage ? string : null {
  return (text && renderMessage(text, "en")) as T extends TMessage ? string : null;
}

export function inChinese<T extends TMessage | null>(text: T): T extends TMessage ? string : null {
  return (text && renderMessage(text, "zh-CN")) as T extends TMessage ? string : null;
}

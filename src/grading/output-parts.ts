// Exercises whose function returns several arrays (a tuple of gradients, a list of shapes): the
// reference's arrays are packed end to end into one flat array, so the case, the variants and the
// diagnosis keep handling one array; the student's tuple or list is checked (a sequence, its
// length, each array's shape) and packed the same way before values are compared.
import type { TReturned } from "@runner";
import { createNdArray, isSameShape, type NdArray } from "./ndarray";

/** One returned array of a tuple output: its name (e.g. "dweights") and where it sits when packed. */
export interface TOutputPart {
  name: string;
  shape: number[];
  offset: number;
  size: number;
}

export type TReturnedArray = Extract<TReturned, { kind: "array" }>;

/** A packed array remembers its arrays' shapes, so a test can return it as the tuple it stands for. */
export type TPackedArray = NdArray & { partShapes: number[][] };

/** Every array's values end to end, as one flat array. */
export function packArrays(arrays: readonly { shape: number[]; data: ArrayLike<number> }[]): TPackedArray {
  const total = arrays.reduce((sum, array) => sum + array.data.length, 0);
  const packed = { ...createNdArray([total]), partShapes: arrays.map((array) => [...array.shape]) };
  let offset = 0;
  for (const array of arrays) {
    packed.data.set(array.data, offset);
    offset += array.data.length;
  }
  return packed;
}

export function describeParts(names: readonly string[], arrays: readonly NdArray[]): TOutputPart[] {
  let offset = 0;
  return arrays.map((array, k) => {
    const part = { name: names[k], shape: [...array.shape], offset, size: array.data.length };
    offset += part.size;
    return part;
  });
}

/** The part's own array out of a packed one (the reference's, or a student's whose shapes were right). */
export function takePart(packed: { data: Float64Array }, part: TOutputPart): NdArray {
  return createNdArray(part.shape, packed.data.subarray(part.offset, part.offset + part.size));
}

/** Which part holds a packed index, and the index inside that part's array. */
export function locatePackedIndex(parts: readonly TOutputPart[], flat: number): { part: number; flat: number } {
  const part = parts.findIndex((entry) => flat < entry.offset + entry.size);
  return { part, flat: flat - parts[part].offset };
}

export type TSplitReturn =
  | { kind: "items"; items: TReturnedArray[] }
  /** one array (an ndarray, not a tuple or list of arrays), or a value that is not an array at all */
  | { kind: "not-sequence" }
  | { kind: "wrong-count"; count: number; pyType: string };

/**
 * The arrays of a returned tuple or list. The runner sends items of different shapes as "arrays";
 * items of one shape arrive stacked by numpy as one array whose first axis is the sequence.
 */
export function splitReturned(returned: TReturned, count: number): TSplitReturn {
  if (returned.kind === "arrays") {
    if (returned.items.length !== count) return { kind: "wrong-count", count: returned.items.length, pyType: returned.pyType };
    return { kind: "items", items: returned.items.map((item) => ({ kind: "array", ...item, pyType: "ndarray" })) };
  }
  if (returned.kind !== "array" || !["tuple", "list"].includes(returned.pyType) || returned.shape.length === 0) {
    return { kind: "not-sequence" };
  }
  const [length, ...inner] = returned.shape;
  if (length !== count) return { kind: "wrong-count", count: length, pyType: returned.pyType };
  const size = inner.reduce((a, b) => a * b, 1);
  const items = Array.from({ length }, (_, k): TReturnedArray => ({
    kind: "array",
    shape: inner,
    data: returned.data.subarray(k * size, (k + 1) * size),
    dtype: returned.dtype,
    pyType: "ndarray",
  }));
  return { kind: "items", items };
}

/** The first item whose shape differs from its part's, or -1. */
export function findWrongShape(items: readonly TReturnedArray[], parts: readonly TOutputPart[]): number {
  return items.findIndex((item, k) => !isSameShape(item.shape, parts[k].shape));
}

/** The items as one flat array; an integer dtype only when every item has it (a diagnosis reads it). */
export function packReturned(items: readonly TReturnedArray[]): TReturnedArray {
  const packed = packArrays(items);
  const dtype = items.every((item) => item.dtype === items[0].dtype) ? items[0].dtype : "float64";
  return { kind: "array", shape: packed.shape, data: packed.data, dtype, pyType: "tuple" };
}

/**
 * What the diagnosis compares with packed candidates: a tuple of the right length packed (any
 * shapes: a mistake may change one), the returned value itself for single-array exercises, null otherwise.
 */
export function toComparable(returned: TReturned, parts: readonly TOutputPart[] | null): TReturned | null {
  if (parts === null) return returned;
  const split = splitReturned(returned, parts.length);
  return split.kind === "items" ? packReturned(split.items) : null;
}

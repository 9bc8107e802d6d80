// Compares what a student's function returned with the reference output: kind, dtype, shape
// (for a tuple output: a sequence, its length and every array's shape), then the values, cell by
// cell under a relative + absolute tolerance, or per returned array by its relative error.
import type { TOtherForm, TReturned } from "@runner";
import { isSameShape, type NdArray } from "./ndarray";
import { findWrongShape, packReturned, splitReturned, type TOutputPart } from "./output-parts";
import { isIntegerDtype } from "./output-variants";

/** Cell by cell: |actual - expected| <= atol * scale + rtol * |expected| (see measureScale). */
export interface TCellTolerance {
  rtol: number;
  atol: number;
}

/**
 * Per returned array, over the whole array: max|x − y| / max(|x| + |y|) <= relativeError. A cell
 * by cell relative error fails right float32 code on cells where large terms cancel; this does not.
 */
export interface TRelativeTolerance {
  relativeError: number;
}

export type TTolerance = TCellTolerance | TRelativeTolerance;

export type TComparison =
  | { kind: "match"; maxError: number }
  /** `relativeError` is the failing array's, under a relative tolerance; the cell named is its largest error */
  | { kind: "wrong-values"; firstWrong: number; maxError: number; maxErrorAt: number; relativeError: number | null }
  /** `part`: which array of a tuple output has the wrong shape */
  | { kind: "wrong-shape"; actualShape: number[]; part: number | null }
  /** ints expected (output sizes) but the dtype is not an integer one */
  | { kind: "not-ints"; dtype: string }
  | { kind: "complex" }
  | { kind: "not-array"; pyType: string; form: TNotArrayForm }
  /** a tuple output: one array came back instead of a tuple or list (shape null: not even an array) */
  | { kind: "not-sequence"; pyType: string; shape: number[] | null }
  | { kind: "wrong-count"; count: number; pyType: string };

/** What was returned instead of one array: the runner's description, or several arrays. */
export type TNotArrayForm = TOtherForm | { kind: "arrays"; shapes: number[][] };

/** The absolute part of the tolerance grows with the case's values, as float32 rounding does. */
export function measureScale(expected: NdArray): number {
  let scale = 1;
  for (const value of expected.data) scale = Math.max(scale, Math.abs(value));
  return scale;
}

/**
 * The cell by cell tolerance the diagnosis matches candidates with: a relative error r over an
 * array is about |x − y| <= 2r · max|y|, which is atol = 2r on the scale of measureScale.
 */
export function toCellTolerance(tolerance: TTolerance): TCellTolerance {
  return "relativeError" in tolerance ? { rtol: 0, atol: 2 * tolerance.relativeError } : tolerance;
}

/** NaN and ±Infinity are never close to a reference value: references are always finite. */
function isClose(actual: number, expected: number, tolerance: TCellTolerance, scale: number): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= tolerance.atol * scale + tolerance.rtol * Math.abs(expected);
}

/** The largest |actual - expected| in [from, to) and where; Infinity for a non-finite value. */
function findLargestError(expected: NdArray, actual: Float64Array, from: number, to: number): { maxError: number; maxErrorAt: number } {
  let [maxError, maxErrorAt] = [0, from];
  for (let i = from; i < to; i++) {
    const error = Number.isFinite(actual[i]) ? Math.abs(actual[i] - expected.data[i]) : Infinity;
    if (error > maxError) [maxError, maxErrorAt] = [error, i];
  }
  return { maxError, maxErrorAt };
}

/** max|x − y| / max(|x| + |y|) over [from, to): 0 when both are all zeros. */
function measureRelativeError(expected: NdArray, actual: Float64Array, from: number, to: number): number {
  let size = 0;
  for (let i = from; i < to; i++) size = Math.max(size, Math.abs(actual[i]) + Math.abs(expected.data[i]));
  const { maxError } = findLargestError(expected, actual, from, to);
  return maxError === 0 ? 0 : maxError / size;
}

function compareValues(
  expected: NdArray,
  actual: Float64Array,
  tolerance: TTolerance,
  spans: readonly [number, number][],
): TComparison {
  const { maxError, maxErrorAt } = findLargestError(expected, actual, 0, expected.data.length);
  if ("relativeError" in tolerance) {
    for (const [from, to] of spans) {
      const relativeError = measureRelativeError(expected, actual, from, to);
      if (!(relativeError <= tolerance.relativeError)) {
        const worst = findLargestError(expected, actual, from, to);
        return { kind: "wrong-values", firstWrong: worst.maxErrorAt, maxError: worst.maxError, maxErrorAt: worst.maxErrorAt, relativeError };
      }
    }
    return { kind: "match", maxError };
  }
  const scale = measureScale(expected);
  const firstWrong = expected.data.findIndex((value, i) => !isClose(actual[i], value, tolerance, scale));
  return firstWrong < 0 ? { kind: "match", maxError } : { kind: "wrong-values", firstWrong, maxError, maxErrorAt, relativeError: null };
}

/** `parts`: the arrays of a tuple output, packed in `expected` (see output-parts.ts); null for one array. */
export function compareOutput(
  expected: NdArray,
  returned: TReturned,
  tolerance: TTolerance,
  output: "floats" | "ints",
  parts: readonly TOutputPart[] | null = null,
): TComparison {
  let compared = returned;
  if (parts !== null) {
    const split = splitReturned(returned, parts.length);
    if (split.kind === "wrong-count") return split;
    if (split.kind === "not-sequence") {
      if (returned.kind === "other") return { kind: "not-array", pyType: returned.pyType, form: returned.form };
      return { kind: "not-sequence", pyType: returned.pyType, shape: returned.kind === "array" ? returned.shape : null };
    }
    const wrongPart = findWrongShape(split.items, parts);
    if (wrongPart >= 0) return { kind: "wrong-shape", actualShape: split.items[wrongPart].shape, part: wrongPart };
    compared = packReturned(split.items);
  }
  if (compared.kind !== "array") {
    return compared.kind === "other"
      ? { kind: "not-array", pyType: compared.pyType, form: compared.form }
      : { kind: "not-array", pyType: compared.pyType, form: { kind: "arrays", shapes: compared.items.map((item) => item.shape) } };
  }
  if (compared.dtype.startsWith("complex")) return { kind: "complex" };
  if (!isSameShape(compared.shape, expected.shape)) return { kind: "wrong-shape", actualShape: compared.shape, part: null };
  if (output === "ints" && !isIntegerDtype(compared.dtype)) return { kind: "not-ints", dtype: compared.dtype };
  const spans = (parts ?? [{ offset: 0, size: expected.data.length }]).map(({ offset, size }): [number, number] => [offset, offset + size]);
  return compareValues(expected, compared.data, tolerance, spans);
}

/** Whether a returned array equals a variant's candidate; NaN cells of the candidate match anything. */
export function matchesCandidate(
  returned: { shape: number[]; data: Float64Array },
  candidate: NdArray,
  tolerance: TCellTolerance,
  scale: number,
): boolean {
  if (!isSameShape(returned.shape, candidate.shape)) return false;
  return candidate.data.every(
    (value, i) => Number.isNaN(value) || isClose(returned.data[i], value, tolerance, scale),
  );
}

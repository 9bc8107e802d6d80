// Compares what a student's function returned with the reference output: kind, dtype, shape,
// then every value under the exercise's relative + absolute tolerance.
import type { TOtherForm, TReturned } from "@runner";
import { isSameShape, type NdArray } from "./ndarray";
import { isIntegerDtype } from "./output-variants";

export interface TTolerance {
  rtol: number;
  atol: number;
}

export type TComparison =
  | { kind: "match"; maxError: number }
  | { kind: "wrong-values"; firstWrong: number; maxError: number; maxErrorAt: number }
  | { kind: "wrong-shape"; actualShape: number[] }
  /** ints expected (output sizes) but the dtype is not an integer one */
  | { kind: "not-ints"; dtype: string }
  | { kind: "complex" }
  | { kind: "not-array"; pyType: string; form: TNotArrayForm };

/** What was returned instead of one array: the runner's description, or several arrays. */
export type TNotArrayForm = TOtherForm | { kind: "arrays"; shapes: number[][] };

/** The absolute part of the tolerance grows with the case's values, as float32 rounding does. */
export function measureScale(expected: NdArray): number {
  let scale = 1;
  for (const value of expected.data) scale = Math.max(scale, Math.abs(value));
  return scale;
}

/** NaN and ±Infinity are never close to a reference value: references are always finite. */
function isClose(actual: number, expected: number, tolerance: TTolerance, scale: number): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= tolerance.atol * scale + tolerance.rtol * Math.abs(expected);
}

export function compareOutput(
  expected: NdArray,
  returned: TReturned,
  tolerance: TTolerance,
  output: "floats" | "ints",
): TComparison {
  if (returned.kind === "other") return { kind: "not-array", pyType: returned.pyType, form: returned.form };
  if (returned.kind === "arrays") {
    return { kind: "not-array", pyType: returned.pyType, form: { kind: "arrays", shapes: returned.items.map((item) => item.shape) } };
  }
  if (returned.dtype.startsWith("complex")) return { kind: "complex" };
  if (!isSameShape(returned.shape, expected.shape)) return { kind: "wrong-shape", actualShape: returned.shape };
  if (output === "ints" && !isIntegerDtype(returned.dtype)) return { kind: "not-ints", dtype: returned.dtype };
  const scale = measureScale(expected);
  let firstWrong = -1;
  let maxError = 0;
  let maxErrorAt = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const actual = returned.data[i];
    const error = Number.isFinite(actual) ? Math.abs(actual - expected.data[i]) : Infinity;
    if (error > maxError) [maxError, maxErrorAt] = [error, i];
    if (firstWrong < 0 && !isClose(actual, expected.data[i], tolerance, scale)) firstWrong = i;
  }
  return firstWrong < 0 ? { kind: "match", maxError } : { kind: "wrong-values", firstWrong, maxError, maxErrorAt };
}

/** Whether a returned array equals a variant's candidate; NaN cells of the candidate match anything. */
export function matchesCandidate(
  returned: { shape: number[]; data: Float64Array },
  candidate: NdArray,
  tolerance: TTolerance,
  scale: number,
): boolean {
  if (!isSameShape(returned.shape, candidate.shape)) return false;
  return candidate.data.every(
    (value, i) => Number.isNaN(value) || isClose(returned.data[i], value, tolerance, scale),
  );
}

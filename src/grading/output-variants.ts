// Wrong variants that depend only on the reference output, not on how it was computed:
// a transposed result, values cut to integers, an output grown by rounding its size up.
import type { TVariant } from "./exercise-definition";
import { MISTAKES } from "./mistakes";
import { createFilled, mapValues, reverseAxes, swapLastTwoAxes, type NdArray } from "./ndarray";

export function isIntegerDtype(dtype: string): boolean {
  return /^u?int\d*$/.test(dtype);
}

/** `result.T` on a 3-D output reverses every axis; swapping rows and columns swaps only the last two. */
export function transposedVariant<TInput>(): TVariant<TInput> {
  return {
    ...MISTAKES.outputTransposed,
    candidates: (_input, expected) =>
      expected.shape.length > 2 ? [swapLastTwoAxes(expected), reverseAxes(expected)] : [swapLastTwoAxes(expected)],
  };
}

/** The ways students turn floats into integers: int(), np.floor, round(). */
export const INTEGER_CUTS = [Math.trunc, Math.floor, Math.round] as const;

/** `cutInside` adds candidates where the cut happens inside the computation (per channel, say). */
export function integerTruncationVariant<TInput>(
  cutInside: (input: TInput) => NdArray[] = () => [],
): TVariant<TInput> {
  return {
    ...MISTAKES.integerTruncation,
    candidates: (input, expected) => [...INTEGER_CUTS.map((cut) => mapValues(expected, cut)), ...cutInside(input)],
    isShownByDtype: isIntegerDtype,
  };
}

/**
 * The reference output embedded in a larger last-two-axes plane; the added cells are NaN (match
 * anything), since a student who rounds the size up may leave them zero or fill them from partial windows.
 */
export function growOutput(expected: NdArray, [rows, cols]: [number, number]): NdArray | null {
  const rank = expected.shape.length;
  const [oldRows, oldCols] = expected.shape.slice(rank - 2);
  if (rows === oldRows && cols === oldCols) return null;
  const grown = createFilled([...expected.shape.slice(0, rank - 2), rows, cols], NaN);
  const planes = expected.data.length / (oldRows * oldCols);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < oldRows; r++) {
      const from = p * oldRows * oldCols + r * oldCols;
      grown.data.set(expected.data.subarray(from, from + oldCols), p * rows * cols + r * cols);
    }
  }
  return grown;
}

/** The top-left rows × cols of every plane: a strided-size output filled from unstrided windows. */
export function cropOutput(array: NdArray, [rows, cols]: [number, number]): NdArray {
  const rank = array.shape.length;
  const [oldRows, oldCols] = array.shape.slice(rank - 2);
  const cropped = createFilled([...array.shape.slice(0, rank - 2), rows, cols], 0);
  const planes = array.data.length / (oldRows * oldCols);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < rows; r++) {
      const from = p * oldRows * oldCols + r * oldCols;
      cropped.data.set(array.data.subarray(from, from + cols), p * rows * cols + r * cols);
    }
  }
  return cropped;
}

/** ceil((size + padding - kernel) / stride) + 1: the size a student gets by rounding up. */
export function countWindowsRoundedUp(size: number, padding: number, kernel: number, stride: number): number {
  return Math.ceil((size + padding - kernel) / stride) + 1;
}

// Wrong results made from a right one, whatever computed it: an output grown by rounding its
// size up, resized, cropped, cut short by a loop bound, written at window starts, laid out channels-last.
import { createFilled, createNdArray, type NdArray } from "./ndarray";

export function isIntegerDtype(dtype: string): boolean {
  return /^u?int\d*$/.test(dtype);
}

/** The ways students turn floats into integers: int(), np.floor, round(). */
export const INTEGER_CUTS = [Math.trunc, Math.floor, Math.round] as const;

/**
 * The reference output embedded in a larger last-two-axes plane; the added cells are NaN (match
 * anything), since a student who rounds the size up may leave them zero or fill them from partial windows.
 */
export function growOutput(expected: NdArray, [rows, cols]: [number, number]): NdArray | null {
  const rank = expected.shape.length;
  const [oldRows, oldCols] = expected.shape.slice(rank - 2);
  // another mistake of a compound may already have shrunk the output: nothing to grow then
  if (rows < oldRows || cols < oldCols || (rows === oldRows && cols === oldCols)) return null;
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
export function cropOutput(array: NdArray, [rows, cols]: [number, number]): NdArray | null {
  const rank = array.shape.length;
  const [oldRows, oldCols] = array.shape.slice(rank - 2);
  if (rows > oldRows || cols > oldCols) return null;
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

/** Python 3's round(): halves go to the even neighbour. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** round((size + padding - kernel) / stride) + 1: the size a student gets from round(). */
export function countWindowsRounded(size: number, padding: number, kernel: number, stride: number): number {
  return roundHalfEven((size + padding - kernel) / stride) + 1;
}

/** Each plane resized to rows × cols: shared cells kept, new cells NaN (whatever the student left there). */
export function resizeOutput(array: NdArray, [rows, cols]: [number, number]): NdArray | null {
  const rank = array.shape.length;
  const [oldRows, oldCols] = array.shape.slice(rank - 2);
  if (rows === oldRows && cols === oldCols) return null;
  const resized = createFilled([...array.shape.slice(0, rank - 2), rows, cols], NaN);
  const planes = array.data.length / (oldRows * oldCols);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < Math.min(rows, oldRows); r++) {
      for (let c = 0; c < Math.min(cols, oldCols); c++) {
        resized.data[p * rows * cols + r * cols + c] = array.data[p * oldRows * oldCols + r * oldCols + c];
      }
    }
  }
  return resized;
}

/** Cells from row `rows` and column `cols` on set to zero: windows a too-short loop never reached. */
export function zeroBeyond(array: NdArray, [rows, cols]: [number, number]): NdArray | null {
  const rank = array.shape.length;
  const [allRows, allCols] = array.shape.slice(rank - 2);
  if (rows >= allRows && cols >= allCols) return null;
  return createNdArray(
    array.shape,
    array.data.map((value, k) => ((k % (allRows * allCols)) / allCols >= rows || k % allCols >= cols ? 0 : value)),
  );
}

/** Each value written at its window's start (i * stride, j * stride) of an unstrided-size output, zeros elsewhere. */
export function placeAtWindowStarts(array: NdArray, [strideRows, strideCols]: [number, number], [rows, cols]: [number, number]): NdArray | null {
  if (strideRows === 1 && strideCols === 1) return null;
  const rank = array.shape.length;
  const [oldRows, oldCols] = array.shape.slice(rank - 2);
  const placed = createFilled([...array.shape.slice(0, rank - 2), rows, cols], 0);
  const planes = array.data.length / (oldRows * oldCols);
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < oldRows && i * strideRows < rows; i++) {
      for (let j = 0; j < oldCols && j * strideCols < cols; j++) {
        placed.data[p * rows * cols + i * strideRows * cols + j * strideCols] = array.data[p * oldRows * oldCols + i * oldCols + j];
      }
    }
  }
  return placed;
}

/** (C, H, W) → (H, W, C): the layout of TensorFlow and of images read with PIL. */
export function moveChannelsLast(array: NdArray): NdArray | null {
  if (array.shape.length !== 3) return null;
  const [channels, rows, cols] = array.shape;
  const moved = createNdArray([rows, cols, channels]);
  for (let c = 0; c < channels; c++) {
    for (let k = 0; k < rows * cols; k++) moved.data[k * channels + c] = array.data[c * rows * cols + k];
  }
  return moved;
}

/**
 * An im2col matrix filled at row h * out_h + w instead of h * out_w + w, then multiplied and
 * reshaped: a row written twice keeps its last window, a row never written is NaN (np.zeros gives
 * 0 there, np.empty whatever the memory held). Null when the
 * output is square (no difference) or taller than wide (the student's code raises IndexError).
 */
export function scrambleIm2colRows(array: NdArray): NdArray | null {
  const rank = array.shape.length;
  const [rows, cols] = array.shape.slice(rank - 2);
  if (rows >= cols) return null;
  const scrambled = createFilled(array.shape, NaN);
  const planes = array.data.length / (rows * cols);
  for (let p = 0; p < planes; p++) {
    for (let h = 0; h < rows; h++) {
      for (let w = 0; w < cols; w++) scrambled.data[p * rows * cols + h * rows + w] = array.data[p * rows * cols + h * cols + w];
    }
  }
  return scrambled;
}

// Row-major float64 arrays shared by the references, the case generator and the feedback:
// the same NdArray the runner ships to Python, plus the few index helpers the grader needs.
import { formatShape } from "./result-format";
import type { NdArray } from "@runner";

export type { NdArray };

function countElements(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

export function createNdArray(shape: readonly number[], values?: ArrayLike<number>): NdArray {
  const size = countElements(shape);
  if (values && values.length !== size) {
    throw new Error(`createNdArray: ${values.length} values do not fill shape ${formatShape(shape)}`);
  }
  const data = new Float64Array(size);
  if (values) data.set(values);
  return { kind: "ndarray", shape: [...shape], data };
}

export function createFilled(shape: readonly number[], value: number): NdArray {
  const array = createNdArray(shape);
  array.data.fill(value);
  return array;
}

export function unravelIndex(flatIndex: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  return index;
}

export function ravelIndex(index: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let axis = 0; axis < shape.length; axis++) flat = flat * shape[axis] + index[axis];
  return flat;
}

export function isSameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, axis) => size === b[axis]);
}

/** Python's spelling, so messages match what students see when they print `x.shape`. */
/** The sub-array at a leading index, e.g. takeSubarray(weights, [o]) is weights[o]. */
export function takeSubarray(array: NdArray, leading: readonly number[]): NdArray {
  const innerShape = array.shape.slice(leading.length);
  const size = countElements(innerShape);
  const start = ravelIndex(leading, array.shape.slice(0, leading.length)) * size;
  return createNdArray(innerShape, array.data.subarray(start, start + size));
}

export function stackArrays(parts: readonly NdArray[]): NdArray {
  const innerShape = parts[0].shape;
  const stacked = createNdArray([parts.length, ...innerShape]);
  parts.forEach((part, i) => stacked.data.set(part.data, i * part.data.length));
  return stacked;
}

export function mapValues(array: NdArray, transform: (value: number) => number): NdArray {
  return createNdArray(array.shape, array.data.map(transform));
}

/** Swaps the last two axes: what a student gets by returning `result.T` or by mixing up rows and columns. */
export function swapLastTwoAxes(array: NdArray): NdArray {
  const rank = array.shape.length;
  const [rows, cols] = [array.shape[rank - 2], array.shape[rank - 1]];
  const planes = array.data.length / (rows * cols);
  const swapped = createNdArray([...array.shape.slice(0, rank - 2), cols, rows]);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        swapped.data[p * rows * cols + c * rows + r] = array.data[p * rows * cols + r * cols + c];
      }
    }
  }
  return swapped;
}

export function reshape(array: NdArray, shape: readonly number[]): NdArray {
  return createNdArray(shape, array.data);
}

/** numpy's `array.T`: every axis reversed. */
export function reverseAxes(array: NdArray): NdArray {
  const reversed = createNdArray([...array.shape].reverse());
  for (let flat = 0; flat < array.data.length; flat++) {
    reversed.data[ravelIndex(unravelIndex(flat, array.shape).reverse(), reversed.shape)] = array.data[flat];
  }
  return reversed;
}

// The backward passes of conv2d and 2-D pooling on (C, H, W) arrays, for the gradient exercises'
// trusted references. As in conv-ops.ts, each option that departs from the default reproduces one
// known student mistake, so a reference and its wrong variants share one implementation.
import { countWindows, padEvenly, padPlane, type TPair } from "./conv-ops";
import { createFilled, createNdArray, takeSubarray, type NdArray } from "./ndarray";

/** How a backward pass may go wrong; every flag off is the right gradient. */
export interface TBackwardMistakes {
  /** `dx[window] = ...` instead of `+=`: where windows overlap, the last window's share wins */
  isOverwriting?: boolean;
  /** windows taken at i, j instead of i·stride, j·stride */
  isStrideIgnored?: boolean;
  /** the gradient of the padded input returned as it is, padding rows and columns included */
  isPaddingKept?: boolean;
}

/** The top-left corner of window (i, j) in the padded input. */
const windowStart = (i: number, j: number, [strideRows, strideCols]: TPair, mistakes: TBackwardMistakes): TPair =>
  mistakes.isStrideIgnored ? [i, j] : [i * strideRows, j * strideCols];

/** Crops the padding off a padded gradient (C, H + 2ph, W + 2pw), unless the mistake keeps it. */
function cropPadding(padded: NdArray, [padRows, padCols]: TPair, mistakes: TBackwardMistakes): NdArray {
  if (mistakes.isPaddingKept) return padded;
  const [channels, rows, cols] = padded.shape;
  const [innerRows, innerCols] = [rows - 2 * padRows, cols - 2 * padCols];
  const cropped = createNdArray([channels, innerRows, innerCols]);
  for (let c = 0; c < channels; c++) {
    for (let r = 0; r < innerRows; r++) {
      const from = (c * rows + r + padRows) * cols + padCols;
      cropped.data.set(padded.data.subarray(from, from + innerCols), (c * innerRows + r) * innerCols);
    }
  }
  return cropped;
}

export interface TConvBackwardProblem {
  /** (C_out, H_out, W_out), the gradient of the forward output */
  dout: NdArray;
  /** (C_in, H, W) */
  features: NdArray;
  /** (C_out, C_in, k, k) */
  weights: NdArray;
  padding: number;
  stride: number;
}

export interface TConvBackwardMistakes extends TBackwardMistakes {
  /** dfeatures as a full convolution with the kernel used unflipped (or flipped twice) */
  isKernelFlipped?: boolean;
  /** dweights returned as (C_in, C_out, k, k) */
  isWeightsInOut?: boolean;
}

/** [dfeatures, dweights] of conv2d (the conv2d exercise's cross-correlation, no bias). */
export function conv2dBackward(problem: TConvBackwardProblem, mistakes: TConvBackwardMistakes = {}): [NdArray, NdArray] {
  const { dout, features, weights, padding, stride } = problem;
  const [outChannels, inChannels, kernel] = weights.shape;
  const [, outRows, outCols] = dout.shape;
  const padded = padChannels(features, [padding, padding]);
  const [, rows, cols] = padded.shape;
  const dpadded = createNdArray(padded.shape);
  const dweights = createNdArray(weights.shape);
  // a flipped kernel reads weights[o, c, k-1-u, k-1-v] where the right gradient reads [u, v]
  const weightAt = (o: number, c: number, u: number, v: number) =>
    mistakes.isKernelFlipped
      ? weights.data[((o * inChannels + c) * kernel + kernel - 1 - u) * kernel + kernel - 1 - v]
      : weights.data[((o * inChannels + c) * kernel + u) * kernel + v];
  for (let i = 0; i < outRows; i++) {
    for (let j = 0; j < outCols; j++) {
      const [r0, c0] = windowStart(i, j, [stride, stride], mistakes);
      for (let c = 0; c < inChannels; c++) {
        for (let u = 0; u < kernel; u++) {
          for (let v = 0; v < kernel; v++) {
            const at = (c * rows + r0 + u) * cols + c0 + v;
            let share = 0;
            for (let o = 0; o < outChannels; o++) {
              const gradient = dout.data[(o * outRows + i) * outCols + j];
              share += gradient * weightAt(o, c, u, v);
              dweights.data[((o * inChannels + c) * kernel + u) * kernel + v] += gradient * padded.data[at];
            }
            dpadded.data[at] = mistakes.isOverwriting ? share : dpadded.data[at] + share;
          }
        }
      }
    }
  }
  return [cropPadding(dpadded, [padding, padding], mistakes), mistakes.isWeightsInOut ? swapFirstTwoAxes(dweights) : dweights];
}

function padChannels(x: NdArray, padding: TPair): NdArray {
  const planes = Array.from({ length: x.shape[0] }, (_, c) => padPlane(takeSubarray(x, [c]), padEvenly(padding)));
  const padded = createNdArray([x.shape[0], ...planes[0].shape]);
  planes.forEach((plane, c) => padded.data.set(plane.data, c * plane.data.length));
  return padded;
}

function swapFirstTwoAxes(array: NdArray): NdArray {
  const [first, second, ...inner] = array.shape;
  const size = inner.reduce((a, b) => a * b, 1);
  const swapped = createNdArray([second, first, ...inner]);
  for (let a = 0; a < first; a++) {
    for (let b = 0; b < second; b++) {
      swapped.data.set(array.data.subarray((a * second + b) * size, (a * second + b + 1) * size), (b * first + a) * size);
    }
  }
  return swapped;
}

export interface TPoolBackwardProblem {
  /** (C, H_out, W_out) */
  dout: NdArray;
  /** (C, H, W) */
  x: NdArray;
  kernel: TPair;
  /** null: the kernel size */
  stride: TPair | null;
  padding: TPair;
  mode: "max" | "average";
}

export interface TPoolBackwardMistakes extends TBackwardMistakes {
  /** which cells of a max-pool window get its gradient; the reference gives it to the first maximum */
  maxRoute?: "first-max" | "last-max" | "every-max" | "whole-window";
  /** avg-pool divides by the window's real (non-padding) cells instead of kh·kw */
  isDivisorRealCells?: boolean;
}

/** dx of max_pool2d or avg_pool2d (PyTorch's semantics: -inf / zero padding, divisor kh·kw). */
export function pool2dBackward(problem: TPoolBackwardProblem, mistakes: TPoolBackwardMistakes = {}): NdArray {
  const { dout, x, kernel, padding, mode } = problem;
  const stride = problem.stride ?? kernel;
  const [channels, outRows, outCols] = dout.shape;
  const padded = padChannels(x, padding);
  const isReal = padChannels(createFilled(x.shape, 1), padding);
  const [, rows, cols] = padded.shape;
  const dpadded = createNdArray(padded.shape);
  const route = mistakes.maxRoute ?? "first-max";
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < outRows; i++) {
      for (let j = 0; j < outCols; j++) {
        const [r0, c0] = windowStart(i, j, stride, mistakes);
        const cells: number[] = [];
        for (let u = 0; u < kernel[0]; u++) {
          for (let v = 0; v < kernel[1]; v++) cells.push((c * rows + r0 + u) * cols + c0 + v);
        }
        const gradient = dout.data[(c * outRows + i) * outCols + j];
        const shares = new Map<number, number>();
        if (mode === "average") {
          const divisor = mistakes.isDivisorRealCells
            ? cells.reduce((count, at) => count + isReal.data[at], 0)
            : kernel[0] * kernel[1];
          for (const at of cells) shares.set(at, gradient / divisor);
        } else {
          // padding is -inf in the forward pass, so it never holds the maximum
          const valueAt = (at: number) => (isReal.data[at] ? padded.data[at] : -Infinity);
          const best = Math.max(...cells.map(valueAt));
          const maxima = cells.filter((at) => valueAt(at) === best);
          const routed =
            route === "whole-window" ? cells : route === "every-max" ? maxima : route === "last-max" ? maxima.slice(-1) : maxima.slice(0, 1);
          for (const at of routed) shares.set(at, gradient);
        }
        for (const [at, share] of shares) dpadded.data[at] = mistakes.isOverwriting ? share : dpadded.data[at] + share;
      }
    }
  }
  return cropPadding(dpadded, padding, mistakes);
}

/** The forward output's (H_out, W_out) for a pooling problem, or null when no window fits. */
export function countPoolWindows(x: NdArray, kernel: TPair, stride: TPair | null, padding: TPair): TPair | null {
  const step = stride ?? kernel;
  const rows = countWindows(x.shape[1], 2 * padding[0], kernel[0], step[0]);
  const cols = countWindows(x.shape[2], 2 * padding[1], kernel[1], step[1]);
  return rows === null || cols === null ? null : [rows, cols];
}

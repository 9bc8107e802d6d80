// The numeric building blocks of the trusted references: zero padding, strided cross-correlation
// and pooling on (C, H, W) arrays. Each option that departs from the default reproduces one
// known student mistake, so the references and their wrong variants share one implementation.
import { createFilled, createNdArray, stackArrays, takeSubarray, type NdArray } from "./ndarray";

export type TPair = [number, number];

export interface TPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Python's `kernel_size=3` means (3, 3); a tuple is (height, width). */
export function toPair(value: number | readonly number[]): TPair {
  return typeof value === "number" ? [value, value] : [value[0], value[1]];
}

export function padEvenly([rows, cols]: TPair): TPadding {
  return { top: rows, bottom: rows, left: cols, right: cols };
}

/** floor((size + padding - kernel) / stride) + 1, or null when the kernel does not fit. */
export function countWindows(size: number, padding: number, kernel: number, stride: number): number | null {
  const room = size + padding - kernel;
  return room < 0 ? null : Math.floor(room / stride) + 1;
}

export function padPlane(plane: NdArray, padding: TPadding, fill = 0): NdArray {
  const [rows, cols] = plane.shape;
  const paddedCols = cols + padding.left + padding.right;
  const padded = createFilled([rows + padding.top + padding.bottom, paddedCols], fill);
  for (let r = 0; r < rows; r++) {
    padded.data.set(plane.data.subarray(r * cols, (r + 1) * cols), (r + padding.top) * paddedCols + padding.left);
  }
  return padded;
}

/** Rotates a kernel by 180°: what turns a cross-correlation into a textbook convolution. */
export function flipPlane(kernel: NdArray): NdArray {
  return createNdArray(kernel.shape, kernel.data.slice().reverse());
}

/** Cross-correlation of an already padded plane (no kernel flip), windows stepping by `stride`. */
export function correlatePlane(padded: NdArray, kernel: NdArray, [strideRows, strideCols]: TPair): NdArray | null {
  const [rows, cols] = padded.shape;
  const [kernelRows, kernelCols] = kernel.shape;
  const outRows = countWindows(rows, 0, kernelRows, strideRows);
  const outCols = countWindows(cols, 0, kernelCols, strideCols);
  if (outRows === null || outCols === null) return null;
  const result = createNdArray([outRows, outCols]);
  for (let i = 0; i < outRows; i++) {
    for (let j = 0; j < outCols; j++) {
      let sum = 0;
      for (let u = 0; u < kernelRows; u++) {
        for (let v = 0; v < kernelCols; v++) {
          sum += padded.data[(i * strideRows + u) * cols + j * strideCols + v] * kernel.data[u * kernelCols + v];
        }
      }
      result.data[i * outCols + j] = sum;
    }
  }
  return result;
}

export interface TConvOptions {
  padding: TPadding;
  stride: TPair;
  /** one value per output channel, added after the sum */
  bias?: NdArray;
  flipKernel?: boolean;
  /** how the per-input-channel results are combined; the reference sums them */
  combineChannels?: "sum" | "mean" | "first" | "last";
  /** reads weights[in][out] instead of weights[out][in] (only possible when C_in == C_out) */
  weightsInOut?: boolean;
  /** applied to each per-channel result before summing: a helper that returns integers */
  cutPart?: (value: number) => number;
}

/**
 * The notes' myconv2d: features (C_in, H, W), weights (C_out, C_in, kh, kw) → (C_out, H_out, W_out).
 * Returns null when the kernel does not fit the padded input.
 */
export function conv2dChannels(features: NdArray, weights: NdArray, options: TConvOptions): NdArray | null {
  const inChannels = features.shape[0];
  const outChannels = weights.shape[0];
  const combine = options.combineChannels ?? "sum";
  const usedChannels =
    combine === "first" ? [0] : combine === "last" ? [inChannels - 1] : Array.from({ length: inChannels }, (_, c) => c);
  const planes: NdArray[] = [];
  for (let o = 0; o < outChannels; o++) {
    let total: NdArray | null = null;
    for (const c of usedChannels) {
      const weight = options.weightsInOut ? takeSubarray(weights, [c, o]) : takeSubarray(weights, [o, c]);
      const kernel = options.flipKernel ? flipPlane(weight) : weight;
      const part = correlatePlane(padPlane(takeSubarray(features, [c]), options.padding), kernel, options.stride);
      if (part === null) return null;
      if (options.cutPart) part.data.set(part.data.map(options.cutPart));
      if (total === null) total = part;
      else for (let k = 0; k < part.data.length; k++) total.data[k] += part.data[k];
    }
    const plane = total!;
    const divisor = combine === "mean" ? inChannels : 1;
    const bias = options.bias ? options.bias.data[o] : 0;
    for (let k = 0; k < plane.data.length; k++) plane.data[k] = plane.data[k] / divisor + bias;
    planes.push(plane);
  }
  return stackArrays(planes);
}

export interface TPoolOptions {
  kernel: TPair;
  stride: TPair;
  padding: TPadding;
  /** "average" divides by the window size (padding counted); "average-of-real" by its non-padding cells */
  mode: "max" | "average" | "average-of-real";
  /** what max pooling pads with; PyTorch pads with -Infinity so padding never wins */
  maxPadValue?: number;
}

/** Pools every channel of (C, H, W); null when the window does not fit the padded input. */
export function pool2dChannels(x: NdArray, options: TPoolOptions): NdArray | null {
  const [kernelRows, kernelCols] = options.kernel;
  const [strideRows, strideCols] = options.stride;
  const fill = options.mode === "max" ? (options.maxPadValue ?? -Infinity) : 0;
  const planes: NdArray[] = [];
  for (let c = 0; c < x.shape[0]; c++) {
    const plane = takeSubarray(x, [c]);
    const padded = padPlane(plane, options.padding, fill);
    const isReal = padPlane(createFilled(plane.shape, 1), options.padding, 0);
    const [rows, cols] = padded.shape;
    const outRows = countWindows(rows, 0, kernelRows, strideRows);
    const outCols = countWindows(cols, 0, kernelCols, strideCols);
    if (outRows === null || outCols === null) return null;
    const pooled = createNdArray([outRows, outCols]);
    for (let i = 0; i < outRows; i++) {
      for (let j = 0; j < outCols; j++) {
        let best = -Infinity;
        let sum = 0;
        let realCells = 0;
        for (let u = 0; u < kernelRows; u++) {
          for (let v = 0; v < kernelCols; v++) {
            const at = (i * strideRows + u) * cols + j * strideCols + v;
            best = Math.max(best, padded.data[at]);
            sum += padded.data[at];
            realCells += isReal.data[at];
          }
        }
        pooled.data[i * outCols + j] =
          options.mode === "max" ? best : sum / (options.mode === "average" ? kernelRows * kernelCols : realCells);
      }
    }
    planes.push(pooled);
  }
  return stackArrays(planes);
}

// The steps of a small CNN after its convolutions, on one sample in float64, shared by the
// exercises that grade a whole forward pass (cnn-forward, build-cnn): ReLU, flattening in either
// order, the linear layer and softmax.
import { createNdArray, type NdArray } from "./ndarray";

export function applyRelu(x: NdArray): NdArray {
  return createNdArray(x.shape, x.data.map((value) => Math.max(0, value)));
}

/** (C, H, W) flattened channels last, as x.permute(1, 2, 0).reshape(-1) would. */
export function flattenChannelsLast(pooled: NdArray): NdArray {
  const [channels, rows, cols] = pooled.shape;
  const flat = createNdArray([channels * rows * cols]);
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < rows * cols; p++) flat.data[p * channels + c] = pooled.data[c * rows * cols + p];
  }
  return flat;
}

/** weight (classes, features) times the flattened sample (any shape, row-major) plus bias. */
export function applyLinear(flat: NdArray, weight: NdArray, bias: NdArray): NdArray {
  const [classes, features] = weight.shape;
  const logits = createNdArray([classes]);
  for (let k = 0; k < classes; k++) {
    let sum = bias.data[k];
    for (let f = 0; f < features; f++) sum += weight.data[k * features + f] * flat.data[f];
    logits.data[k] = sum;
  }
  return logits;
}

export function applySoftmax(logits: NdArray): NdArray {
  const largest = Math.max(...logits.data);
  const exps = logits.data.map((value) => Math.exp(value - largest));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return createNdArray(logits.shape, exps.map((value) => value / total));
}

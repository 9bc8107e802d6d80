// Trusted reference for build-cnn: the notes' PyTorch CNN, written as `class ConvNet(nn.Module)`
// and driven by driver.py inside the sandbox. Each case loads weights drawn here into the
// student's network and asks for the logits of a batch, the parameter count, or the table of
// shapes after each shape-changing layer (src/grading/layer-shapes.ts); the reference computes
// the same in float64.
import { z } from "zod";
import type { TRaised, TRunnerValue } from "@runner";
import { applyLinear, applySoftmax, flattenChannelsLast } from "@/grading/cnn-ops";
import { defineExercise, type TVariant } from "@/grading/exercise-definition";
import { LAYER_KIND as CODE } from "@/grading/layer-shapes";
import { ZIntRange, ZValueRange } from "@/grading/meta-schema";
import { createNdArray, stackArrays, takeSubarray, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, type TRandom } from "@/grading/seeded-random";
import { BUILD_CNN_MISTAKES, catalog } from "./mistakes";

type TLayer = "conv1" | "conv2" | "fc";
type TState = Record<`${TLayer}.${"weight" | "bias"}`, NdArray>;

/** What driver.py's run_case answers: the logits, the parameter count, or the shape table. */
type TKind = "forward" | "parameters" | "layers";

interface TInput {
  kind: TKind;
  state: TState;
  /** (N, 1, 28, 28) */
  x: NdArray;
}

interface TForwardOptions {
  /** ReLU left out after these convolutions */
  skipRelu?: readonly ("conv1" | "conv2")[];
  flattenOrder?: "chw" | "hwc";
  softmax?: boolean;
}

const ZGenerator = z.strictObject({ batch: ZIntRange, pixels: ZValueRange });

const IMAGE = 28;
const KERNEL = 5;
const PADDING = 2;
const CLASSES = 10;
/** [out, in] channels of the two convolutions */
const CONVS = { conv1: [16, 1], conv2: [32, 16] } as const;
const FEATURES = CONVS.conv2[0] * 7 * 7;

// nn.Linear(32 * 7 * 7, 10) refusing the flattened features: "mat1 and mat2 shapes cannot be multiplied (7x512 and 1568x10)"
const LINEAR_SHAPE_ERROR = /mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)/;
// features per image when a pooling is left out (after one convolution or both) ...
const FEATURES_WITHOUT_POOL = [32 * 14 * 14, 32 * 28 * 28];
// ... and when the padding is left out (in both convolutions, only the second, only the first)
const FEATURES_WITHOUT_PADDING = [32 * 4 * 4, 32 * 5 * 5, 32 * 6 * 6];

/** PyTorch's default initialisation range, so that activations stay of order one through both layers. */
function drawState(random: TRandom): TState {
  const uniform = (shape: number[], fanIn: number) => drawArray(random, shape, [-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)]);
  const state = {} as TState;
  for (const [name, [out, inChannels]] of Object.entries(CONVS) as [keyof typeof CONVS, readonly [number, number]][]) {
    state[`${name}.weight`] = uniform([out, inChannels, KERNEL, KERNEL], inChannels * KERNEL * KERNEL);
    state[`${name}.bias`] = uniform([out], inChannels * KERNEL * KERNEL);
  }
  state["fc.weight"] = uniform([CLASSES, FEATURES], FEATURES);
  state["fc.bias"] = uniform([CLASSES], FEATURES);
  return state;
}

let windowsBuffer = new Float64Array(0);

/**
 * Each output pixel's input window (C × 5 × 5, zero-padded) as one row, in the weights' (c, u, v)
 * order, so that a convolution becomes dot products of contiguous rows.
 */
function gatherWindows(x: NdArray): Float64Array {
  const [channels, rows, cols] = x.shape;
  const size = channels * KERNEL * KERNEL;
  // one buffer for every call (each convolution is done with its windows before the next starts):
  // a fresh 600 kB array per conv2 kept the garbage collector busy for a tenth of the time
  if (windowsBuffer.length < rows * cols * size) windowsBuffer = new Float64Array(rows * cols * size);
  const windows = windowsBuffer.subarray(0, rows * cols * size).fill(0);
  // written in order; output (i, j) reads input (i + u - PADDING, j + v - PADDING), and outside
  // the input its window keeps the padding's zero
  let at = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const [v0, v1] = [Math.max(0, PADDING - j), Math.min(KERNEL, cols + PADDING - j)];
      for (let c = 0; c < channels; c++) {
        for (let u = 0; u < KERNEL; u++, at += KERNEL) {
          const row = i + u - PADDING;
          if (row < 0 || row >= rows) continue;
          const from = (c * rows + row) * cols + j - PADDING;
          for (let v = v0; v < v1; v++) windows[at + v] = x.data[from + v];
        }
      }
    }
  }
  return windows;
}

/**
 * conv1 or conv2 (5×5, padding 2, stride 1, with bias) on one (C, H, W) sample. Every grading runs
 * a few dozen of these (the reference and the mistakes on every case, 2.8 million multiply-adds
 * per image), so the loop computes 2 output channels × 4 pixels at once: each weight read serves
 * 4 sums and each window value 2, all kept in registers, 3–4× faster than one sum at a time. The
 * sums add the same terms in the same order as a plain loop, so the result is the same to the bit.
 */
function convolve(x: NdArray, state: TState, layer: "conv1" | "conv2"): NdArray {
  const weight = state[`${layer}.weight`].data;
  const bias = state[`${layer}.bias`].data;
  const [rows, cols] = x.shape.slice(1);
  const pixels = rows * cols;
  const size = CONVS[layer][1] * KERNEL * KERNEL;
  const windows = gatherWindows(x);
  const out = createNdArray([CONVS[layer][0], rows, cols]);
  // blocks of 2 channels and 4 pixels: 16 and 32 channels, 28 × 28 and 14 × 14 pixels
  for (let o = 0; o < CONVS[layer][0]; o += 2) {
    const [w0, w1] = [o * size, (o + 1) * size];
    for (let p = 0; p < pixels; p += 4) {
      const [x0, x1, x2, x3] = [p * size, (p + 1) * size, (p + 2) * size, (p + 3) * size];
      let [s00, s01, s02, s03] = [bias[o], bias[o], bias[o], bias[o]];
      let [s10, s11, s12, s13] = [bias[o + 1], bias[o + 1], bias[o + 1], bias[o + 1]];
      for (let k = 0; k < size; k++) {
        const a0 = weight[w0 + k];
        const a1 = weight[w1 + k];
        const v0 = windows[x0 + k];
        const v1 = windows[x1 + k];
        const v2 = windows[x2 + k];
        const v3 = windows[x3 + k];
        s00 += a0 * v0;
        s01 += a0 * v1;
        s02 += a0 * v2;
        s03 += a0 * v3;
        s10 += a1 * v0;
        s11 += a1 * v1;
        s12 += a1 * v2;
        s13 += a1 * v3;
      }
      out.data.set([s00, s01, s02, s03], o * pixels + p);
      out.data.set([s10, s11, s12, s13], (o + 1) * pixels + p);
    }
  }
  return out;
}

/**
 * 2×2 max-pooling, then the ReLU unless left out (max-pooling and ReLU commute): a direct loop
 * for the same reason as convolve, where conv-ops' general pool2dChannels copies every plane.
 */
function poolBlock(conv: NdArray, relu: boolean): NdArray {
  const [channels, rows, cols] = conv.shape;
  const [outRows, outCols] = [rows / 2, cols / 2];
  const out = createNdArray([channels, outRows, outCols]);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < outRows; i++) {
      for (let j = 0; j < outCols; j++) {
        const at = (c * rows + 2 * i) * cols + 2 * j;
        const best = Math.max(conv.data[at], conv.data[at + 1], conv.data[at + cols], conv.data[at + cols + 1]);
        out.data[(c * outRows + i) * outCols + j] = relu ? Math.max(0, best) : best;
      }
    }
  }
  return out;
}

/**
 * The convolutions' outputs (before their ReLU) per sample, shared by the reference and the
 * mistakes: conv1 once, conv2 once per choice of ReLU after conv1. The four ReLU choices of the
 * forward passes then cost one conv1 and two conv2 instead of four of each.
 */
const convolutionCache = new WeakMap<TInput, Map<string, NdArray[]>>();

function convolutions(input: TInput, key: "conv1" | "conv2" | "conv2 without ReLU", compute: () => NdArray[]): NdArray[] {
  const cache = convolutionCache.get(input) ?? new Map<string, NdArray[]>();
  convolutionCache.set(input, cache);
  const cached = cache.get(key) ?? compute();
  cache.set(key, cached);
  return cached;
}

/** Each sample after both convolution blocks, with the ReLUs of `skipRelu` left out. */
function convolveBatch(input: TInput, skipRelu: readonly ("conv1" | "conv2")[]): NdArray[] {
  const block = (conv: NdArray, layer: "conv1" | "conv2") => poolBlock(conv, !skipRelu.includes(layer));
  const first = convolutions(input, "conv1", () =>
    Array.from({ length: input.x.shape[0] }, (_, n) => convolve(takeSubarray(input.x, [n]), input.state, "conv1")),
  );
  const second = convolutions(input, skipRelu.includes("conv1") ? "conv2 without ReLU" : "conv2", () =>
    first.map((conv) => convolve(block(conv, "conv1"), input.state, "conv2")),
  );
  return second.map((conv) => block(conv, "conv2"));
}

function forward(input: TInput, options: TForwardOptions = {}): NdArray {
  const logits = convolveBatch(input, options.skipRelu ?? []).map((pooled) =>
    applyLinear(options.flattenOrder === "hwc" ? flattenChannelsLast(pooled) : pooled, input.state["fc.weight"], input.state["fc.bias"]),
  );
  return stackArrays(options.softmax ? logits.map(applySoftmax) : logits);
}

function layerTable(batch: number): NdArray {
  const rows = [
    [CODE.conv, batch, 16, 28, 28],
    [CODE.pool, batch, 16, 14, 14],
    [CODE.conv, batch, 32, 14, 14],
    [CODE.pool, batch, 32, 7, 7],
    [CODE.flatten, batch, FEATURES, 0, 0],
    [CODE.linear, batch, CLASSES, 0, 0],
  ];
  return createNdArray([rows.length, 5], rows.flat());
}

const countParameters = () =>
  Object.values(CONVS).reduce((sum, [out, inChannels]) => sum + out * inChannels * KERNEL * KERNEL + out, 0) + CLASSES * FEATURES + CLASSES;

function reference(input: TInput): NdArray {
  if (input.kind === "parameters") return createNdArray([], [countParameters()]);
  if (input.kind === "layers") return layerTable(input.x.shape[0]);
  return forward(input);
}

/** A mistake that changes the logits: its candidates on the forward cases. */
function forwardVariant(mistake: (typeof BUILD_CNN_MISTAKES)[keyof typeof BUILD_CNN_MISTAKES], spellings: TForwardOptions[]): TVariant<TInput> {
  return { ...mistake, candidates: (input) => (input.kind === "forward" ? spellings.map((options) => forward(input, options)) : []) };
}

/** A mistake that makes the linear layer refuse the flattened features: seen in the forward cases' error. */
function featureCountVariant(mistake: (typeof BUILD_CNN_MISTAKES)[keyof typeof BUILD_CNN_MISTAKES], counts: readonly number[]): TVariant<TInput> {
  const featuresIn = (raised: TRaised) => Number(LINEAR_SHAPE_ERROR.exec(raised.message)?.[2]);
  return {
    ...mistake,
    candidates: () => [],
    isShownByError: (raised, input) =>
      input.kind !== "forward" ? null : raised !== null && raised.type === "RuntimeError" && counts.includes(featuresIn(raised)),
    describeEvidence: (raised) => ({ features: featuresIn(raised), expected: FEATURES }),
  };
}

const makeInput = (random: TRandom, state: TState, kind: TKind, batch: number, pixels: readonly [number, number]): TInput => ({
  kind,
  state,
  x: drawArray(random, [batch, 1, IMAGE, IMAGE], pixels),
});

/**
 * One set of weights for the edge cases and one per grading for the random cases (drawn by its
 * first random case from the grading's generator): the cases tell the mistakes apart by their
 * images, and a weight set shared by several cases reaches the sandbox once (the runner sends an
 * array used several times once), not 28,938 floats per case.
 */
const edgeRandom = createRandom(0xb0c22);
const edgeState = drawState(edgeRandom);
const gradingStates = new WeakMap<TRandom, TState>();

function gradingState(random: TRandom): TState {
  const state = gradingStates.get(random) ?? drawState(random);
  gradingStates.set(random, state);
  return state;
}

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "a batch of one image", title: "build-cnn.case.batch-of-one", input: makeInput(edgeRandom, edgeState, "forward", 1, [0, 1]) },
    { name: "a batch of seven images", title: "build-cnn.case.batch-of-seven", input: makeInput(edgeRandom, edgeState, "forward", 7, [0, 1]) },
    { name: "the number of parameters", title: "build-cnn.case.parameters", input: makeInput(edgeRandom, edgeState, "parameters", 1, [0, 1]) },
    { name: "the shape after each layer", title: "build-cnn.case.layers", input: makeInput(edgeRandom, edgeState, "layers", 7, [0, 1]) },
  ],
  generateRandomInput: (random, ranges) => makeInput(random, gradingState(random), "forward", random.integer(...ranges.batch), ranges.pixels),
  toRunnerCase: (input) => ({ args: [input.kind, { ...input.state } satisfies Record<string, TRunnerValue>, input.x] }),
  describe: (input) => ({ "x.shape": input.x.shape }),
  reference,
  isLayerTable: (input) => input.kind === "layers",
  variants: [
    forwardVariant(BUILD_CNN_MISTAKES.reluMissing, [{ skipRelu: ["conv1"] }, { skipRelu: ["conv2"] }, { skipRelu: ["conv1", "conv2"] }]),
    featureCountVariant(BUILD_CNN_MISTAKES.poolMissing, FEATURES_WITHOUT_POOL),
    forwardVariant(BUILD_CNN_MISTAKES.flattenOrder, [{ flattenOrder: "hwc" }]),
    featureCountVariant(BUILD_CNN_MISTAKES.paddingMissing, FEATURES_WITHOUT_PADDING),
    forwardVariant(BUILD_CNN_MISTAKES.softmaxInForward, [{ softmax: true }]),
  ],
  catalog,
});

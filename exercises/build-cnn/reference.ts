// Trusted reference for build-cnn: the notes' PyTorch CNN, written as `class ConvNet(nn.Module)`
// and driven by driver.py inside the sandbox. Each case loads weights drawn here into the
// student's network and asks for the logits of a batch, the parameter count, or the table of
// shapes after each shape-changing layer (src/grading/layer-shapes.ts); the reference computes
// the same in float64.
import { z } from "zod";
import type { TRaised, TRunnerValue } from "@runner";
import { applyLinear, applyRelu, applySoftmax, flattenChannelsLast } from "@/grading/cnn-ops";
import { padEvenly, pool2dChannels } from "@/grading/conv-ops";
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

/**
 * conv1 or conv2 (5×5, padding 2, stride 1, with bias) on one (C, H, W) sample. A direct loop
 * rather than conv-ops' plane-by-plane conv2dChannels: every grading runs a few dozen forward
 * passes here (the reference and each mistake on every case), and that one is 10× slower.
 */
function convolve(x: NdArray, state: TState, layer: "conv1" | "conv2"): NdArray {
  const weight = state[`${layer}.weight`];
  const bias = state[`${layer}.bias`];
  const [outChannels, inChannels] = weight.shape;
  const [, rows, cols] = x.shape;
  const out = createNdArray([outChannels, rows, cols]);
  for (let o = 0; o < outChannels; o++) {
    const plane = out.data.subarray(o * rows * cols, (o + 1) * rows * cols);
    plane.fill(bias.data[o]);
    for (let c = 0; c < inChannels; c++) {
      for (let u = 0; u < KERNEL; u++) {
        for (let v = 0; v < KERNEL; v++) {
          const w = weight.data[((o * inChannels + c) * KERNEL + u) * KERNEL + v];
          // output (i, j) reads input (i + u - PADDING, j + v - PADDING); zero padding adds nothing
          const [i0, i1] = [Math.max(0, PADDING - u), Math.min(rows, rows + PADDING - u)];
          const [j0, j1] = [Math.max(0, PADDING - v), Math.min(cols, cols + PADDING - v)];
          for (let i = i0; i < i1; i++) {
            const from = (c * rows + i + u - PADDING) * cols + v - PADDING;
            for (let j = j0; j < j1; j++) plane[i * cols + j] += w * x.data[from + j];
          }
        }
      }
    }
  }
  return out;
}

const pool = (x: NdArray) => pool2dChannels(x, { kernel: [2, 2], stride: [2, 2], padding: padEvenly([0, 0]), mode: "max" })!;

/** Each sample after both convolution blocks, per set of left-out ReLUs: the mistakes share them. */
const pooledCache = new WeakMap<TInput, Map<string, NdArray[]>>();

function convolveBatch(input: TInput, skipRelu: readonly ("conv1" | "conv2")[]): NdArray[] {
  const cache = pooledCache.get(input) ?? new Map<string, NdArray[]>();
  pooledCache.set(input, cache);
  const key = skipRelu.join();
  const cached = cache.get(key);
  if (cached) return cached;
  const pooled = Array.from({ length: input.x.shape[0] }, (_, n) => {
    let x = takeSubarray(input.x, [n]);
    for (const layer of ["conv1", "conv2"] as const) {
      const conv = convolve(x, input.state, layer);
      x = pool(skipRelu.includes(layer) ? conv : applyRelu(conv));
    }
    return x;
  });
  cache.set(key, pooled);
  return pooled;
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

const edgeRandom = createRandom(0xb0c22);
const makeInput = (random: TRandom, kind: TKind, batch: number, pixels: readonly [number, number]): TInput => ({
  kind,
  state: drawState(random),
  x: drawArray(random, [batch, 1, IMAGE, IMAGE], pixels),
});

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "a batch of one image", title: "build-cnn.case.batch-of-one", input: makeInput(edgeRandom, "forward", 1, [0, 1]) },
    { name: "a batch of seven images", title: "build-cnn.case.batch-of-seven", input: makeInput(edgeRandom, "forward", 7, [0, 1]) },
    { name: "the number of parameters", title: "build-cnn.case.parameters", input: makeInput(edgeRandom, "parameters", 1, [0, 1]) },
    { name: "the shape after each layer", title: "build-cnn.case.layers", input: makeInput(edgeRandom, "layers", 7, [0, 1]) },
  ],
  generateRandomInput: (random, ranges) => makeInput(random, "forward", random.integer(...ranges.batch), ranges.pixels),
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

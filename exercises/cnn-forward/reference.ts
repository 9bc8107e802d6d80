// Trusted reference for cnn_forward(x, params): the notes' small PyTorch CNN, conv (stride 1, no
// padding, with bias) → ReLU → 2×2 max-pool → flatten → linear, with its cases and known mistakes.
import { z } from "zod";
import type { TRunnerValue } from "@runner";
import { applyLinear, applyRelu, applySoftmax, flattenChannelsLast } from "@/grading/cnn-ops";
import { conv2dChannels, padEvenly, pool2dChannels } from "@/grading/conv-ops";
import { defineExercise, type TSingleVariant, type TVariant } from "@/grading/exercise-definition";
import { message } from "@/grading/result-format";
import { ZIntRange, ZValueRange } from "@/grading/meta-schema";
import { MISTAKES } from "@/grading/mistakes";
import { stackArrays, takeSubarray, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, type TRandom } from "@/grading/seeded-random";
import { catalog } from "./mistakes";

interface TParams {
  /** (C_out, C, k, k) */
  "conv.weight": NdArray;
  /** (C_out,) */
  "conv.bias": NdArray;
  /** (classes, C_out * H_pool * W_pool) */
  "fc.weight": NdArray;
  /** (classes,) */
  "fc.bias": NdArray;
}

interface TInput {
  /** (N, C, H, W) */
  x: NdArray;
  params: TParams;
}

interface TForwardOptions {
  flipKernel?: boolean;
  skipConvBias?: boolean;
  skipRelu?: boolean;
  pool?: "max" | "average";
  /** "chw" is torch.flatten(x, 1) on (N, C, H, W); "hwc" flattens channels last */
  flattenOrder?: "chw" | "hwc";
  softmax?: boolean;
}

const ZGenerator = z.strictObject({
  batch: ZIntRange,
  channels: ZIntRange,
  imageSize: ZIntRange,
  outChannels: ZIntRange,
  kernel: ZIntRange,
  classes: ZIntRange,
  values: ZValueRange,
});

/** One sample through the network; each option reproduces one mistake. */
function forwardSample(sample: NdArray, params: TParams, options: TForwardOptions): NdArray {
  const conv = conv2dChannels(sample, params["conv.weight"], {
    padding: padEvenly([0, 0]),
    stride: [1, 1],
    bias: options.skipConvBias ? undefined : params["conv.bias"],
    flipKernel: options.flipKernel,
  })!;
  const activated = options.skipRelu ? conv : applyRelu(conv);
  const pooled = pool2dChannels(activated, {
    kernel: [2, 2],
    stride: [2, 2],
    padding: padEvenly([0, 0]),
    mode: options.pool ?? "max",
  })!;
  const flat = options.flattenOrder === "hwc" ? flattenChannelsLast(pooled) : pooled;
  const logits = applyLinear(flat, params["fc.weight"], params["fc.bias"]);
  return options.softmax ? applySoftmax(logits) : logits;
}

function forward(input: TInput, options: TForwardOptions = {}): NdArray {
  const samples = Array.from({ length: input.x.shape[0] }, (_, n) => takeSubarray(input.x, [n]));
  return stackArrays(samples.map((sample) => forwardSample(sample, input.params, options)));
}

const MAX_INPUT_HEATMAPS = 4;

function forwardVariant(mistake: Omit<TSingleVariant<TInput>, "candidates">, options: TForwardOptions): TVariant<TInput> {
  return { ...mistake, candidates: (input) => [forward(input, options)] };
}

function makeInput(random: TRandom, shape: number[], outChannels: number, kernel: number, classes: number, values: readonly [number, number]): TInput {
  const [, channels, rows, cols] = shape;
  const pooledFeatures = outChannels * Math.floor((rows - kernel + 1) / 2) * Math.floor((cols - kernel + 1) / 2);
  return {
    x: drawArray(random, shape, values),
    params: {
      "conv.weight": drawArray(random, [outChannels, channels, kernel, kernel], values),
      "conv.bias": drawArray(random, [outChannels], [-0.5, 0.5]),
      "fc.weight": drawArray(random, [classes, pooledFeatures], [-0.5, 0.5]),
      "fc.bias": drawArray(random, [classes], [-0.5, 0.5]),
    },
  };
}

const edgeRandom = createRandom(0xc22);

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "one image, one channel", title: "cnn-forward.case.one-image-one-channel", input: makeInput(edgeRandom, [1, 1, 6, 6], 3, 3, 4, [-1, 1]) },
    { name: "odd convolution output: pooling drops the last row", title: "cnn-forward.case.odd-convolution-output-pooling-drops-the-last-ro", input: makeInput(edgeRandom, [2, 2, 7, 8], 2, 3, 3, [-1, 1]) },
    { name: "1×1 convolution", title: "cnn-forward.case.1x1-convolution", input: makeInput(edgeRandom, [2, 3, 4, 6], 2, 1, 2, [-1, 1]) },
    { name: "a batch of three", title: "cnn-forward.case.a-batch-of-three", input: makeInput(edgeRandom, [3, 1, 5, 5], 4, 2, 5, [-1, 1]) },
  ],
  generateRandomInput: (random, ranges) => {
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.4) ? rows : random.integer(...ranges.imageSize);
    const kernel = random.integer(ranges.kernel[0], Math.min(ranges.kernel[1], Math.min(rows, cols) - 1));
    const shape = [random.integer(...ranges.batch), random.integer(...ranges.channels), rows, cols];
    return makeInput(random, shape, random.integer(...ranges.outChannels), kernel, random.integer(...ranges.classes), ranges.values);
  },
  toRunnerCase: (input) => ({ args: [input.x, { ...input.params } satisfies Record<string, TRunnerValue>] }),
  describe: (input) => ({
    "x.shape": input.x.shape,
    ...Object.fromEntries(Object.entries(input.params).map(([name, array]) => [`params["${name}"].shape`, array.shape])),
  }),
  reference: (input) => forward(input),
  locate: (input, [n]) => ({
    window: null,
    windowText: message("cnn-forward.window", { n }),
    input: Array.from({ length: Math.min(input.x.shape[1], MAX_INPUT_HEATMAPS) }, (_, c) => ({
      label: message("cnn-forward.label", { n, c }),
      channel: c,
      plane: takeSubarray(input.x, [n, c]),
    })),
    inputPadding: { rows: 0, cols: 0 },
  }),
  variants: [
    forwardVariant(MISTAKES.flippedKernel, { flipKernel: true }),
    forwardVariant(
      {
        code: "conv-bias-missing",
      text: "cnn-forward.mistake.conv-bias-missing",
      },
      { skipConvBias: true },
    ),
    forwardVariant(
      {
        code: "relu-missing",
      text: "cnn-forward.mistake.relu-missing",
      },
      { skipRelu: true },
    ),
    forwardVariant(
      {
        code: "avg-pool-instead-of-max",
      text: "cnn-forward.mistake.avg-pool-instead-of-max",
      },
      { pool: "average" },
    ),
    forwardVariant(
      {
        code: "flatten-channels-last",
      text: "cnn-forward.mistake.flatten-channels-last",
      },
      { flattenOrder: "hwc" },
    ),
    forwardVariant(
      {
        code: "softmax-applied",
      text: "cnn-forward.mistake.softmax-applied",
      },
      { softmax: true },
    ),
  ],
  catalog,
});

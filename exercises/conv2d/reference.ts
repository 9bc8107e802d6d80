// Trusted reference for conv2d(features, weights, padding=0, stride=1): the notes' multi-channel
// myconv2d (F.conv2d without batch or bias), with its cases and known mistakes.
import { z } from "zod";
import { MAX_OUTPUT_PLANES } from "@/grading/case-feedback";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { padEvenly, padPlane } from "@/grading/conv-ops";
import { buildConvVariants, solveConvProblem, type TConvProblem } from "@/grading/conv-variants";
import { defineExercise } from "@/grading/exercise-definition";
import { message } from "@/grading/result-format";
import { ZConvGenerator, ZIntRange } from "@/grading/meta-schema";
import { takeSubarray, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, drawSize, type TRandom } from "@/grading/seeded-random";
import { catalog } from "./mistakes";

interface TInput {
  /** (C_in, H, W) */
  features: NdArray;
  /** (C_out, C_in, k, k) */
  weights: NdArray;
  padding: number;
  stride: number;
  call: TCallStyle;
}

const ZGenerator = ZConvGenerator.extend({
  channels: ZIntRange,
  /** probability that C_out == C_in, the only shape where weights[in][out] runs without an IndexError */
  sameChannelsChance: z.number().min(0).max(1),
});

/** Planes drawn in feedback: enough to see the window in every channel of small cases. */
const MAX_INPUT_HEATMAPS = 4;

const toProblem = (input: TInput): TConvProblem => ({
  features: input.features,
  weights: input.weights,
  padding: [input.padding, input.padding],
  stride: [input.stride, input.stride],
});

const edgeRandom = createRandom(0xc2d);
const makeInput = (
  [inChannels, rows, cols]: [number, number, number],
  [outChannels, kernel]: [number, number],
  padding: number,
  stride: number,
  call: TCallStyle,
): TInput => ({
  features: drawArray(edgeRandom, [inChannels, rows, cols], [-2, 2]),
  weights: drawArray(edgeRandom, [outChannels, inChannels, kernel, kernel], [-1, 1]),
  padding,
  stride,
  call,
});

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "defaults: no padding, stride 1", title: "conv2d.case.defaults-no-padding-stride-1", input: makeInput([2, 5, 6], [3, 3], 0, 1, "defaults-omitted") },
    { name: "one input channel", title: "conv2d.case.one-input-channel", input: makeInput([1, 6, 5], [2, 3], 1, 2, "positional") },
    { name: "as many output channels as input channels", title: "conv2d.case.as-many-output-channels-as-input-channels", input: makeInput([3, 5, 7], [3, 3], 1, 1, "keywords") },
    { name: "1×1 kernel mixing four channels", title: "conv2d.case.1x1-kernel-mixing-four-channels", input: makeInput([4, 4, 5], [2, 1], 0, 1, "positional") },
    { name: "kernel nearly as large as the padded input", title: "conv2d.case.kernel-nearly-as-large-as-the-padded-input", input: makeInput([2, 4, 6], [2, 5], 1, 2, "keywords") },
    { name: "padding wider than the kernel", title: "conv2d.case.padding-wider-than-the-kernel", input: makeInput([2, 3, 3], [1, 2], 2, 3, "defaults-omitted") },
  ],
  generateRandomInput: (random: TRandom, ranges) => {
    const inChannels = random.integer(...ranges.channels);
    const outChannels = random.chance(ranges.sameChannelsChance) ? inChannels : random.integer(...ranges.channels);
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
    const padding = random.integer(...ranges.padding);
    const kernel = drawSize(random, ranges.kernel, Math.min(rows, cols) + 2 * padding, ranges.anyKernelChance);
    return {
      features: drawArray(random, [inChannels, rows, cols], ranges.values),
      weights: drawArray(random, [outChannels, inChannels, kernel, kernel], ranges.values),
      padding,
      stride: random.integer(...ranges.stride),
      call: drawCallStyle(random),
    };
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.features, input.weights],
      [
        { name: "padding", value: input.padding, isDefault: input.padding === 0 },
        { name: "stride", value: input.stride, isDefault: input.stride === 1 },
      ],
      input.call,
    ),
  describe: (input) => ({
    "features.shape": input.features.shape,
    "weights.shape": input.weights.shape,
    padding: input.padding,
    stride: input.stride,
  }),
  reference: (input) => solveConvProblem(toProblem(input))!,
  locate: (input, [, i, j]) => {
    const size = input.weights.shape[2];
    const [r0, c0] = [i * input.stride, j * input.stride];
    const channels = Math.min(input.features.shape[0], MAX_INPUT_HEATMAPS);
    return {
      window: { rows: [r0, r0 + size], cols: [c0, c0 + size], channel: null },
      windowText: message("conv2d.window", { r0, r1: r0 + size, c0, c1: c0 + size }),
      input: Array.from({ length: channels }, (_, c) => ({
        label: message("conv2d.label", { c }),
        channel: c,
        plane: padPlane(takeSubarray(input.features, [c]), padEvenly([input.padding, input.padding])),
      })),
      inputPadding: { rows: input.padding, cols: input.padding },
      kernels: Array.from({ length: Math.min(input.weights.shape[0], MAX_OUTPUT_PLANES) }, (_, o) =>
        Array.from({ length: channels }, (_, c) => ({
          label: message("conv2d.weightsLabel", { o, c }),
          channel: o,
          plane: takeSubarray(input.weights, [o, c]),
        })),
      ).flat(),
    };
  },
  variants: buildConvVariants(
    catalog.map((entry) => entry.variant),
    toProblem,
    (channels) => channels,
  ),
  catalog,
});

// Trusted reference for conv2d_torch(input_data, weights_data, stride=1, padding=0): the notes'
// F.conv2d call on one (C, H, W) image without bias, with its cases and the slips of using the
// library (a kept batch axis, one output channel kept, mixed dtypes, weights read as (in, out)).
import { z } from "zod";
import type { TRaised } from "@runner";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { buildConvVariants, solveConvProblem, type TConvProblem } from "@/grading/conv-variants";
import { defineExercise } from "@/grading/exercise-definition";
import { ZConvGenerator, ZIntRange } from "@/grading/meta-schema";
import { reshape, takeSubarray, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, drawSize, type TRandom } from "@/grading/seeded-random";
import { TORCH_CONV2D_MISTAKES, catalog } from "./mistakes";

interface TInput {
  /** (C_in, H, W) */
  input: NdArray;
  /** (C_out, C_in, k, k) */
  weights: NdArray;
  stride: number;
  padding: number;
  call: TCallStyle;
}

const ZGenerator = ZConvGenerator.extend({
  channels: ZIntRange,
  /** probability that C_out == C_in, the only shape where weights read as (in, out) run without an error */
  sameChannelsChance: z.number().min(0).max(1),
});

// float64 meeting float32 in one torch call: "expected scalar type Float but found Double" (and back)
const DTYPE_ERROR = /expected scalar type (Float|Double) but found (Float|Double)|should be the same/;
// weights of shape (C_in, C_out, k, k) on C_in input channels, when C_in != C_out
const CHANNEL_ERROR = /weight of size \[\d+, \d+, \d+, \d+\], expected input\[.*\] to have \d+ channels/;

const toProblem = (input: TInput): TConvProblem => ({
  features: input.input,
  weights: input.weights,
  padding: [input.padding, input.padding],
  stride: [input.stride, input.stride],
});

const edgeRandom = createRandom(0x70c4);
const makeInput = (
  [inChannels, rows, cols]: [number, number, number],
  [outChannels, kernel]: [number, number],
  stride: number,
  padding: number,
  call: TCallStyle,
): TInput => ({
  input: drawArray(edgeRandom, [inChannels, rows, cols], [-2, 2]),
  weights: drawArray(edgeRandom, [outChannels, inChannels, kernel, kernel], [-1, 1]),
  stride,
  padding,
  call,
});

const [weightsInOut] = buildConvVariants<TInput>(["weightsInOut"], toProblem, (channels) => channels);

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "the notes' call: stride 3, padding 3", title: "torch-conv2d.case.notes-stride-3-padding-3", input: makeInput([1, 7, 7], [2, 3], 3, 3, "keywords") },
    { name: "defaults: stride 1, no padding", title: "torch-conv2d.case.defaults", input: makeInput([2, 5, 6], [3, 3], 1, 0, "defaults-omitted") },
    { name: "as many output channels as input channels", title: "torch-conv2d.case.same-channels", input: makeInput([3, 5, 7], [3, 3], 1, 1, "positional") },
    { name: "three input channels, two filters", title: "torch-conv2d.case.three-in-two-out", input: makeInput([3, 6, 6], [2, 2], 2, 1, "keywords") },
  ],
  generateRandomInput: (random: TRandom, ranges) => {
    const inChannels = random.integer(...ranges.channels);
    const outChannels = random.chance(ranges.sameChannelsChance) ? inChannels : random.integer(...ranges.channels);
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
    const padding = random.integer(...ranges.padding);
    const kernel = drawSize(random, ranges.kernel, Math.min(rows, cols) + 2 * padding, ranges.anyKernelChance);
    return {
      input: drawArray(random, [inChannels, rows, cols], ranges.values),
      weights: drawArray(random, [outChannels, inChannels, kernel, kernel], ranges.values),
      stride: random.integer(...ranges.stride),
      padding,
      call: drawCallStyle(random),
    };
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.input, input.weights],
      [
        { name: "stride", value: input.stride, isDefault: input.stride === 1 },
        { name: "padding", value: input.padding, isDefault: input.padding === 0 },
      ],
      input.call,
    ),
  describe: (input) => ({
    "input_data.shape": input.input.shape,
    "weights_data.shape": input.weights.shape,
    stride: input.stride,
    padding: input.padding,
  }),
  reference: (input) => solveConvProblem(toProblem(input))!,
  variants: [
    { ...TORCH_CONV2D_MISTAKES.batchAxisKept, candidates: (_, expected) => [reshape(expected, [1, ...expected.shape])] },
    {
      ...TORCH_CONV2D_MISTAKES.firstChannelOnly,
      candidates: (_, expected) => (expected.shape[0] === 1 ? [] : [takeSubarray(expected, [0])]),
    },
    {
      ...TORCH_CONV2D_MISTAKES.dtypeMismatch,
      candidates: () => [],
      isShownByError: (raised: TRaised | null) => (raised === null ? null : raised.type === "RuntimeError" && DTYPE_ERROR.test(raised.message)),
    },
    {
      ...weightsInOut!,
      ...TORCH_CONV2D_MISTAKES.weightsInOut,
      // with C_in != C_out torch refuses the transposed weights; the error names both shapes
      isShownByError: (raised, input) =>
        input.input.shape[0] === input.weights.shape[0] || raised === null ? null : raised.type === "RuntimeError" && CHANNEL_ERROR.test(raised.message),
    },
  ],
  catalog,
});

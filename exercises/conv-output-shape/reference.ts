// Trusted reference for conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0):
// the shape nn.Conv2d gives, H_out = (H + 2p - k) // s + 1, with its cases and known mistakes.
import { z } from "zod";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { toPair, type TPair } from "@/grading/conv-ops";
import { defineExercise, type TSingleVariant, type TVariant } from "@/grading/exercise-definition";
import { ZIntRange } from "@/grading/meta-schema";
import { createNdArray } from "@/grading/ndarray";
import type { TRandom } from "@/grading/seeded-random";
import { catalog } from "./mistakes";

interface TInput {
  /** (N, C, H, W) */
  inputShape: [number, number, number, number];
  outChannels: number;
  kernel: number | TPair;
  stride: number | TPair;
  padding: number | TPair;
  call: TCallStyle;
}

/** How a size is computed; every field other than the reference's reproduces one mistake. */
interface TRule {
  rounding: "floor" | "ceil" | "none";
  plusOne: boolean;
  paddingSides: 1 | 2;
  channels: "out" | "in";
  /** arguments read as (w, h) instead of (h, w) */
  swapped: readonly TSizeArgument[];
}

type TSizeArgument = "kernel" | "stride" | "padding";

const REFERENCE_RULE: TRule = { rounding: "floor", plusOne: true, paddingSides: 2, channels: "out", swapped: [] };

const ZGenerator = z.strictObject({
  batch: ZIntRange,
  channels: ZIntRange,
  imageSize: ZIntRange,
  kernel: ZIntRange,
  stride: ZIntRange,
  padding: ZIntRange,
});

function computeShape(input: TInput, rule: TRule) {
  const [batch, channels, height, width] = input.inputShape;
  const read = (argument: TSizeArgument): TPair => {
    const [h, w] = toPair(input[argument]);
    return rule.swapped.includes(argument) ? [w, h] : [h, w];
  };
  const [kernel, stride, padding] = [read("kernel"), read("stride"), read("padding")];
  const round = { floor: Math.floor, ceil: Math.ceil, none: (value: number) => value }[rule.rounding];
  const size = (length: number, axis: 0 | 1) =>
    round((length + rule.paddingSides * padding[axis] - kernel[axis]) / stride[axis]) + (rule.plusOne ? 1 : 0);
  return createNdArray([4], [batch, rule.channels === "out" ? input.outChannels : channels, size(height, 0), size(width, 1)]);
}

function ruleVariant(mistake: Omit<TSingleVariant<TInput>, "candidates">, ...changes: Partial<TRule>[]): TVariant<TInput> {
  return { ...mistake, candidates: (input) => changes.map((change) => computeShape(input, { ...REFERENCE_RULE, ...change })) };
}

const drawSizeArgument = (random: TRandom, draw: () => number): number | TPair =>
  random.chance(0.6) ? draw() : [draw(), draw()];

const makeInput = (
  inputShape: TInput["inputShape"],
  outChannels: number,
  kernel: number | TPair,
  stride: number | TPair,
  padding: number | TPair,
  call: TCallStyle,
): TInput => ({ inputShape, outChannels, kernel, stride, padding, call });

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "ints",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "the notes' example: 3 filters of 3×3 on 1×1×32×32", title: "conv-output-shape.case.the-notes-example-3-filters-of-3x3-on-1x1x32x32", input: makeInput([1, 1, 32, 32], 3, 3, 1, 0, "defaults-omitted") },
    { name: "stride 2 with padding 1", title: "conv-output-shape.case.stride-2-with-padding-1", input: makeInput([8, 3, 32, 32], 16, 3, 2, 1, "keywords") },
    { name: "kernel as large as the padded input", title: "conv-output-shape.case.kernel-as-large-as-the-padded-input", input: makeInput([2, 4, 5, 7], 6, [7, 9], 1, 1, "positional") },
    { name: "tuple kernel, stride and padding", title: "conv-output-shape.case.tuple-kernel-stride-and-padding", input: makeInput([4, 3, 28, 20], 8, [5, 3], [2, 1], [2, 0], "keywords") },
    { name: "1×1 convolution", title: "conv-output-shape.case.1x1-convolution", input: makeInput([16, 64, 7, 7], 32, 1, 1, 0, "positional") },
    { name: "stride larger than the kernel", title: "conv-output-shape.case.stride-larger-than-the-kernel", input: makeInput([1, 3, 10, 11], 5, 2, 4, 0, "defaults-omitted") },
  ],
  generateRandomInput: (random, ranges) => {
    const height = random.integer(...ranges.imageSize);
    const width = random.chance(0.4) ? height : random.integer(...ranges.imageSize);
    const channels = random.integer(...ranges.channels);
    let outChannels = random.integer(...ranges.channels);
    if (outChannels === channels) outChannels = channels + 1;
    const padding = drawSizeArgument(random, () => random.integer(...ranges.padding));
    const [padRows, padCols] = toPair(padding);
    const kernelLimit = Math.min(height + 2 * padRows, width + 2 * padCols, ranges.kernel[1]);
    const kernel = drawSizeArgument(random, () => random.integer(ranges.kernel[0], kernelLimit));
    return {
      inputShape: [random.integer(...ranges.batch), channels, height, width],
      outChannels,
      kernel,
      stride: drawSizeArgument(random, () => random.integer(...ranges.stride)),
      padding,
      call: drawCallStyle(random),
    };
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.inputShape, input.outChannels, input.kernel],
      [
        { name: "stride", value: input.stride, isDefault: toPair(input.stride).every((s) => s === 1) },
        { name: "padding", value: input.padding, isDefault: toPair(input.padding).every((p) => p === 0) },
      ],
      input.call,
    ),
  describe: (input) => ({
    input_shape: input.inputShape,
    out_channels: input.outChannels,
    kernel_size: input.kernel,
    stride: input.stride,
    padding: input.padding,
  }),
  reference: (input) => computeShape(input, REFERENCE_RULE),
  variants: [
    ruleVariant(
      {
        code: "formula-without-plus-one",
      text: "conv-output-shape.mistake.formula-without-plus-one",
      },
      { plusOne: false },
    ),
    ruleVariant(
      {
        code: "output-size-ceil",
      text: "conv-output-shape.mistake.output-size-ceil",
      },
      { rounding: "ceil" },
    ),
    ruleVariant(
      {
        code: "padding-counted-once",
      text: "conv-output-shape.mistake.padding-counted-once",
      },
      { paddingSides: 1 },
    ),
    ruleVariant(
      {
        code: "in-channels-kept",
      text: "conv-output-shape.mistake.in-channels-kept",
      },
      { channels: "in" },
    ),
    {
      ...ruleVariant(
        {
          code: "float-division",
        text: "conv-output-shape.mistake.float-division",
        },
        { rounding: "none" },
      ),
      isShownByDtype: (dtype) => dtype.startsWith("float"),
    },
    ruleVariant(
      {
        code: "hw-swapped",
      text: "conv-output-shape.mistake.hw-swapped",
      },
      { swapped: ["kernel", "stride", "padding"] },
      { swapped: ["kernel"] },
      { swapped: ["stride"] },
      { swapped: ["padding"] },
    ),
  ],
  catalog,
});

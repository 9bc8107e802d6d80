// Trusted reference for conv2d_backward(dout, features, weights, padding=0, stride=1): the
// gradients (dfeatures, dweights) of the conv2d exercise's forward pass, with its cases and known mistakes.
import { z } from "zod";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { defineExercise } from "@/grading/exercise-definition";
import { buildGradientVariants, locateFeedingCells, locateWeightCell } from "@/grading/gradient-exercise";
import { conv2dBackward, type TConvBackwardProblem } from "@/grading/gradient-ops";
import { ZConvGenerator, ZIntRange } from "@/grading/meta-schema";
import { createRandom, drawArray, drawSize, type TRandom } from "@/grading/seeded-random";
import { catalog } from "./mistakes";

interface TInput extends TConvBackwardProblem {
  call: TCallStyle;
}

const ZGenerator = ZConvGenerator.extend({ channels: ZIntRange });

const countOutput = (size: number, kernel: number, padding: number, stride: number) => Math.floor((size + 2 * padding - kernel) / stride) + 1;

type TGeometry = [shape: [number, number, number], kernel: [outChannels: number, size: number], padding: number, stride: number, call: TCallStyle];

/** dout is drawn for the forward output's shape, (C_out, H_out, W_out). */
function drawInput(random: TRandom, values: [number, number], ...[[inChannels, rows, cols], [outChannels, kernel], padding, stride, call]: TGeometry): TInput {
  const [outRows, outCols] = [countOutput(rows, kernel, padding, stride), countOutput(cols, kernel, padding, stride)];
  return {
    dout: drawArray(random, [outChannels, outRows, outCols], [-1, 1]),
    features: drawArray(random, [inChannels, rows, cols], values),
    weights: drawArray(random, [outChannels, inChannels, kernel, kernel], [-1, 1]),
    padding,
    stride,
    call,
  };
}

const edgeRandom = createRandom(0x18c2);
const makeInput = (...geometry: TGeometry) => drawInput(edgeRandom, [-2, 2], ...geometry);

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "defaults: no padding, stride 1", title: "conv2d-backward.case.defaults-no-padding-stride-1", input: makeInput([2, 5, 6], [3, 3], 0, 1, "defaults-omitted") },
    { name: "overlapping windows with padding", title: "conv2d-backward.case.overlapping-windows-with-padding", input: makeInput([2, 6, 6], [2, 3], 1, 1, "keywords") },
    { name: "a stride that leaves rows over", title: "conv2d-backward.case.a-stride-that-leaves-rows-over", input: makeInput([1, 8, 9], [2, 3], 1, 2, "positional") },
    { name: "as many output channels as input channels", title: "conv2d-backward.case.as-many-output-channels-as-input-channels", input: makeInput([3, 5, 5], [3, 2], 0, 1, "positional") },
    { name: "1×1 kernel", title: "conv2d-backward.case.1x1-kernel", input: makeInput([2, 4, 5], [3, 1], 0, 1, "keywords") },
    { name: "stride larger than the kernel", title: "conv2d-backward.case.stride-larger-than-the-kernel", input: makeInput([2, 7, 7], [2, 2], 1, 3, "defaults-omitted") },
  ],
  generateRandomInput: (random, ranges) => {
    const inChannels = random.integer(...ranges.channels);
    const outChannels = random.integer(...ranges.channels);
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
    const kernel = drawSize(random, ranges.kernel, Math.min(rows, cols), ranges.anyKernelChance);
    // padding at most half the kernel, as the statement promises
    const padding = random.integer(ranges.padding[0], Math.max(ranges.padding[0], Math.min(ranges.padding[1], Math.floor(kernel / 2))));
    const stride = random.integer(...ranges.stride);
    return drawInput(random, ranges.values, [inChannels, rows, cols], [outChannels, kernel], padding, stride, drawCallStyle(random));
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.dout, input.features, input.weights],
      [
        { name: "padding", value: input.padding, isDefault: input.padding === 0 },
        { name: "stride", value: input.stride, isDefault: input.stride === 1 },
      ],
      input.call,
    ),
  describe: (input) => ({
    "dout.shape": input.dout.shape,
    "features.shape": input.features.shape,
    "weights.shape": input.weights.shape,
    padding: input.padding,
    stride: input.stride,
  }),
  returns: ["dfeatures", "dweights"],
  reference: (input) => conv2dBackward(input),
  locate: (input, index, part) => {
    const kernel = input.weights.shape[2];
    return part === 0
      ? locateFeedingCells(input.dout, [index[1], index[2]], {
          kernel: [kernel, kernel],
          stride: [input.stride, input.stride],
          padding: [input.padding, input.padding],
          channel: null,
        })
      : locateWeightCell(input.dout, index);
  },
  variants: buildGradientVariants(
    catalog.map((entry) => entry.variant),
    (input: TInput, mistakes) => conv2dBackward(input, mistakes),
  ),
  catalog,
});

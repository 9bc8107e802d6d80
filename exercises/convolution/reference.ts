// Trusted reference for convolution(img, kernel, padding=1, stride=1): the notes' single-channel
// cross-correlation with a square kernel, zero padding and a stride, with its cases and known mistakes.
import { z } from "zod";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { padEvenly, padPlane } from "@/grading/conv-ops";
import { buildConvVariants, solveConvProblem, type TConvProblem } from "@/grading/conv-variants";
import { defineExercise } from "@/grading/exercise-definition";
import { message } from "@/grading/result-format";
import { ZConvGenerator } from "@/grading/meta-schema";
import { reshape, takeSubarray, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, drawSize, type TRandom } from "@/grading/seeded-random";
import { catalog } from "./mistakes";

interface TInput {
  /** (H, W) */
  img: NdArray;
  /** (k, k) */
  kernel: NdArray;
  padding: number;
  stride: number;
  call: TCallStyle;
}

const ZGenerator = ZConvGenerator;

const toProblem = (input: TInput): TConvProblem => ({
  features: reshape(input.img, [1, ...input.img.shape]),
  weights: reshape(input.kernel, [1, 1, ...input.kernel.shape]),
  padding: [input.padding, input.padding],
  stride: [input.stride, input.stride],
});

const toOutput = (channels: NdArray) => takeSubarray(channels, [0]);

const edgeRandom = createRandom(0x0c0de);
const makeInput = (rows: number, cols: number, kernel: number, padding: number, stride: number, call: TCallStyle): TInput => ({
  img: drawArray(edgeRandom, [rows, cols], [-2, 2]),
  kernel: drawArray(edgeRandom, [kernel, kernel], [-1, 1]),
  padding,
  stride,
  call,
});

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "default padding and stride", title: "convolution.case.default-padding-and-stride", input: makeInput(5, 5, 3, 1, 1, "defaults-omitted") },
    { name: "1×1 kernel, no padding", title: "convolution.case.1x1-kernel-no-padding", input: makeInput(4, 6, 1, 0, 1, "positional") },
    { name: "kernel as large as the padded image", title: "convolution.case.kernel-as-large-as-the-padded-image", input: makeInput(3, 5, 5, 1, 1, "keywords") },
    { name: "stride that does not divide evenly", title: "convolution.case.stride-that-does-not-divide-evenly", input: makeInput(7, 6, 3, 0, 2, "keywords") },
    { name: "padding wider than the kernel", title: "convolution.case.padding-wider-than-the-kernel", input: makeInput(3, 4, 2, 3, 1, "positional") },
    { name: "stride larger than the kernel", title: "convolution.case.stride-larger-than-the-kernel", input: makeInput(9, 8, 2, 1, 3, "defaults-omitted") },
    { name: "a single pixel", title: "convolution.case.a-single-pixel", input: makeInput(1, 1, 3, 1, 1, "positional") },
  ],
  generateRandomInput: (random: TRandom, ranges) => {
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
    const padding = random.integer(...ranges.padding);
    const kernel = drawSize(random, ranges.kernel, Math.min(rows, cols) + 2 * padding, ranges.anyKernelChance);
    return {
      img: drawArray(random, [rows, cols], ranges.values),
      kernel: drawArray(random, [kernel, kernel], ranges.values),
      padding,
      stride: random.integer(...ranges.stride),
      call: drawCallStyle(random),
    };
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.img, input.kernel],
      [
        { name: "padding", value: input.padding, isDefault: input.padding === 1 },
        { name: "stride", value: input.stride, isDefault: input.stride === 1 },
      ],
      input.call,
    ),
  describe: (input) => ({
    "img.shape": input.img.shape,
    "kernel.shape": input.kernel.shape,
    padding: input.padding,
    stride: input.stride,
  }),
  reference: (input) => toOutput(solveConvProblem(toProblem(input))!),
  locate: (input, [i, j]) => {
    const size = input.kernel.shape[0];
    const [r0, c0] = [i * input.stride, j * input.stride];
    return {
      window: { rows: [r0, r0 + size], cols: [c0, c0 + size], channel: null },
      windowText: message("window.paddingImg", { rows: `${r0}:${r0 + size}`, cols: `${c0}:${c0 + size}` }),
      input: [
        { label: message("label.imgPadded"), channel: null, plane: padPlane(input.img, padEvenly([input.padding, input.padding])) },
      ],
      inputPadding: { rows: input.padding, cols: input.padding },
      kernels: [{ label: message("label.kernel"), channel: null, plane: input.kernel }],
    };
  },
  variants: buildConvVariants(
    catalog.map((entry) => entry.variant),
    toProblem,
    toOutput,
  ),
  catalog,
});

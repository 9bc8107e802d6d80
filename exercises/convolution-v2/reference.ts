// Trusted reference for convolutionV2(img, kernel, padding=(0,0), stride=(1,1)): single-channel
// cross-correlation with a rectangular kernel and per-axis padding and stride, with its cases and known mistakes.
import { z } from "zod";
import { buildCall, drawCallStyle, type TCallStyle } from "@/grading/call-style";
import { padEvenly, padPlane, type TPair } from "@/grading/conv-ops";
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
  /** (kh, kw) */
  kernel: NdArray;
  padding: TPair;
  stride: TPair;
  call: TCallStyle;
}

const ZGenerator = ZConvGenerator;

const toProblem = (input: TInput): TConvProblem => ({
  features: reshape(input.img, [1, ...input.img.shape]),
  weights: reshape(input.kernel, [1, 1, ...input.kernel.shape]),
  padding: input.padding,
  stride: input.stride,
});

const toOutput = (channels: NdArray) => takeSubarray(channels, [0]);

const edgeRandom = createRandom(0x0c0de2);
const makeInput = (imageSize: TPair, kernelSize: TPair, padding: TPair, stride: TPair, call: TCallStyle): TInput => ({
  img: drawArray(edgeRandom, imageSize, [-2, 2]),
  kernel: drawArray(edgeRandom, kernelSize, [-1, 1]),
  padding,
  stride,
  call,
});

export const definition = defineExercise<TInput, z.infer<typeof ZGenerator>>({
  output: "floats",
  generatorSchema: ZGenerator,
  edgeCases: [
    { name: "default padding and stride", title: "convolution-v2.case.default-padding-and-stride", input: makeInput([5, 6], [2, 3], [0, 0], [1, 1], "defaults-omitted") },
    { name: "tall kernel, padding on rows only", title: "convolution-v2.case.tall-kernel-padding-on-rows-only", input: makeInput([6, 5], [3, 1], [1, 0], [1, 2], "positional") },
    { name: "wide kernel, stride on columns only", title: "convolution-v2.case.wide-kernel-stride-on-columns-only", input: makeInput([4, 7], [1, 3], [0, 2], [1, 3], "keywords") },
    { name: "kernel as large as the padded image", title: "convolution-v2.case.kernel-as-large-as-the-padded-image", input: makeInput([3, 4], [5, 4], [1, 0], [1, 1], "positional") },
    { name: "strides that do not divide evenly", title: "convolution-v2.case.strides-that-do-not-divide-evenly", input: makeInput([8, 9], [3, 2], [1, 1], [2, 3], "keywords") },
    { name: "different padding per axis", title: "convolution-v2.case.different-padding-per-axis", input: makeInput([5, 5], [3, 3], [2, 0], [1, 1], "defaults-omitted") },
  ],
  generateRandomInput: (random: TRandom, ranges) => {
    const rows = random.integer(...ranges.imageSize);
    const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
    const padding: TPair = [random.integer(...ranges.padding), random.integer(...ranges.padding)];
    const kernel: TPair = [
      drawSize(random, ranges.kernel, rows + 2 * padding[0], ranges.anyKernelChance),
      drawSize(random, ranges.kernel, cols + 2 * padding[1], ranges.anyKernelChance),
    ];
    return {
      img: drawArray(random, [rows, cols], ranges.values),
      kernel: drawArray(random, kernel, ranges.values),
      padding,
      stride: [random.integer(...ranges.stride), random.integer(...ranges.stride)],
      call: drawCallStyle(random),
    };
  },
  toRunnerCase: (input) =>
    buildCall(
      [input.img, input.kernel],
      [
        { name: "padding", value: input.padding, isDefault: input.padding[0] === 0 && input.padding[1] === 0 },
        { name: "stride", value: input.stride, isDefault: input.stride[0] === 1 && input.stride[1] === 1 },
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
    const [kernelRows, kernelCols] = input.kernel.shape;
    const [r0, c0] = [i * input.stride[0], j * input.stride[1]];
    return {
      window: { rows: [r0, r0 + kernelRows], cols: [c0, c0 + kernelCols], channel: null },
      windowText: message("window.paddingImg", { rows: `${r0}:${r0 + kernelRows}`, cols: `${c0}:${c0 + kernelCols}` }),
      input: [
        { label: message("label.imgPadded"), channel: null, plane: padPlane(input.img, padEvenly(input.padding)) },
      ],
      inputPadding: { rows: input.padding[0], cols: input.padding[1] },
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

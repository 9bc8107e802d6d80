// Trusted reference for layer_shapes(x_shape, layers): the shape after each layer of a stack of
// ("conv", out_channels, kernel_size, stride, padding), ("pool", kernel_size[, stride]),
// ("flatten",) and ("linear", out_features) on an (N, C, H, W) input, as nn.Conv2d,
// nn.MaxPool2d, nn.Flatten and nn.Linear give them. The function returns one shape per layer, so
// the number of arrays differs from case to case (`returns` per input).
import { z } from "zod";
import { defineExercise, type TVariant } from "@/grading/exercise-definition";
import { ZIntRange } from "@/grading/meta-schema";
import { createNdArray, type NdArray } from "@/grading/ndarray";
import { packArrays } from "@/grading/output-parts";
import type { TRandom } from "@/grading/seeded-random";
import { CONV_LAYER_SHAPES_MISTAKES, catalog } from "./mistakes";

type TLayer =
  | readonly ["conv", outChannels: number, kernel: number, stride: number, padding: number]
  /** the stride omitted means the kernel size, as in nn.MaxPool2d */
  | readonly ["pool", kernel: number]
  | readonly ["pool", kernel: number, stride: number]
  | readonly ["flatten"]
  | readonly ["linear", outFeatures: number];

interface TInput {
  /** (N, C, H, W) */
  xShape: readonly [number, number, number, number];
  layers: readonly TLayer[];
}

/** How a mistaken student computes the shapes; the reference uses none of these. */
interface TSlips {
  /** a pool without a stride slides by 1 */
  poolStrideOne?: boolean;
  /** flatten keeps no batch axis: torch.flatten(x) or nn.Flatten(0) */
  flattenBatch?: boolean;
  /** (size + 2p - k) / s rounded up, not down */
  ceil?: boolean;
}

const ZGenerator = z.strictObject({
  batch: ZIntRange,
  channels: ZIntRange,
  imageSize: ZIntRange,
  /** conv or pool layers before the flatten */
  spatialLayers: ZIntRange,
  /** linear layers after the flatten (none: no flatten either) */
  linearLayers: ZIntRange,
  outChannels: ZIntRange,
  kernel: ZIntRange,
  stride: ZIntRange,
  padding: ZIntRange,
});
type TGenerator = z.infer<typeof ZGenerator>;

function computeShapes(input: TInput, slips: TSlips = {}): number[][] {
  const round = slips.ceil ? Math.ceil : Math.floor;
  const slide = (size: number, kernel: number, stride: number, padding: number) => round((size + 2 * padding - kernel) / stride) + 1;
  let shape: number[] = [...input.xShape];
  return input.layers.map((layer) => {
    const [n, c, h, w] = shape;
    switch (layer[0]) {
      case "conv": {
        const [, out, kernel, stride, padding] = layer;
        shape = [n, out, slide(h, kernel, stride, padding), slide(w, kernel, stride, padding)];
        break;
      }
      case "pool": {
        const kernel = layer[1];
        const stride = layer.length === 3 ? layer[2] : slips.poolStrideOne ? 1 : kernel;
        shape = [n, c, slide(h, kernel, stride, 0), slide(w, kernel, stride, 0)];
        break;
      }
      case "flatten": {
        const size = shape.reduce((a, b) => a * b, 1);
        shape = slips.flattenBatch ? [size] : [n, size / n];
        break;
      }
      case "linear":
        shape = [...shape.slice(0, -1), layer[1]];
        break;
    }
    return shape;
  });
}

const toArrays = (shapes: number[][]): NdArray[] => shapes.map((shape) => createNdArray([shape.length], shape));

/** A mistake's shapes, offered only where they differ from the right ones and stay valid (no size below 1). */
function slipVariant(mistake: (typeof CONV_LAYER_SHAPES_MISTAKES)[keyof typeof CONV_LAYER_SHAPES_MISTAKES], slips: TSlips): TVariant<TInput> {
  return {
    ...mistake,
    candidates: (input) => {
      const shapes = computeShapes(input, slips);
      const isValid = shapes.every((shape) => shape.every((size) => size >= 1));
      return isValid && shapes.flat().join() !== computeShapes(input).flat().join() ? [packArrays(toArrays(shapes))] : [];
    },
  };
}

/** A random stack whose every layer leaves at least one pixel. */
function drawInput(random: TRandom, ranges: TGenerator): TInput {
  const draw = ([low, high]: readonly [number, number]) => random.integer(low, high);
  const xShape = [draw(ranges.batch), draw(ranges.channels), draw(ranges.imageSize), draw(ranges.imageSize)] as const;
  let [h, w] = [xShape[2], xShape[3]];
  const layers: TLayer[] = [];
  for (let i = draw(ranges.spatialLayers); i > 0; i--) {
    const side = Math.min(h, w);
    if (random.chance(0.5) && side >= 2) {
      const kernel = random.integer(2, Math.min(3, side));
      const stride = random.chance(0.5) ? undefined : draw(ranges.stride);
      layers.push(stride === undefined ? ["pool", kernel] : ["pool", kernel, stride]);
      [h, w] = [h, w].map((size) => Math.floor((size - kernel) / (stride ?? kernel)) + 1);
    } else {
      const padding = draw(ranges.padding);
      const kernel = Math.min(draw(ranges.kernel), side + 2 * padding);
      const stride = draw(ranges.stride);
      layers.push(["conv", draw(ranges.outChannels), kernel, stride, padding]);
      [h, w] = [h, w].map((size) => Math.floor((size + 2 * padding - kernel) / stride) + 1);
    }
  }
  const linears = draw(ranges.linearLayers);
  if (linears > 0 || layers.length === 0) layers.push(["flatten"]);
  for (let i = 0; i < linears; i++) layers.push(["linear", random.integer(1, 32)]);
  return { xShape, layers };
}

export const definition = defineExercise<TInput, TGenerator>({
  output: "ints",
  generatorSchema: ZGenerator,
  edgeCases: [
    {
      name: "the notes' nn.Conv2d on (1, 1, 32, 32)",
      title: "conv-layer-shapes.case.notes-conv",
      input: { xShape: [1, 1, 32, 32], layers: [["conv", 3, 3, 1, 0]] },
    },
    {
      name: "the notes' CNN on a batch of seven",
      title: "conv-layer-shapes.case.notes-cnn",
      input: {
        xShape: [7, 1, 28, 28],
        layers: [["conv", 16, 5, 1, 2], ["pool", 2], ["conv", 32, 5, 1, 2], ["pool", 2], ["flatten"], ["linear", 10]],
      },
    },
    {
      name: "sizes that do not divide evenly",
      title: "conv-layer-shapes.case.uneven",
      input: { xShape: [2, 3, 15, 13], layers: [["conv", 8, 4, 2, 1], ["pool", 2], ["conv", 4, 3, 1, 1]] },
    },
    {
      name: "a pool with its own stride, then two linear layers",
      title: "conv-layer-shapes.case.pool-stride-linears",
      input: { xShape: [3, 4, 9, 9], layers: [["pool", 3, 1], ["pool", 3], ["flatten"], ["linear", 20], ["linear", 5]] },
    },
  ],
  generateRandomInput: drawInput,
  toRunnerCase: (input) => ({ args: [[...input.xShape], input.layers.map((layer) => [...layer])] }),
  describe: (input) => ({ x_shape: [...input.xShape], layers: input.layers.length }),
  returns: (input) => input.layers.map((_, k) => `shapes[${k}]`),
  reference: (input) => toArrays(computeShapes(input)),
  variants: [
    slipVariant(CONV_LAYER_SHAPES_MISTAKES.poolStrideOne, { poolStrideOne: true }),
    slipVariant(CONV_LAYER_SHAPES_MISTAKES.flattenBatch, { flattenBatch: true }),
    slipVariant(CONV_LAYER_SHAPES_MISTAKES.formulaCeil, { ceil: true }),
  ],
  catalog,
});

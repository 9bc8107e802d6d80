// The parts max-pool2d and avg-pool2d share: inputs with PyTorch's int-or-tuple arguments and
// stride=None default, the random case generator, the call, and where an output cell comes from.
import { z } from "zod";
import type { TCaseInput } from "@runner";
import { buildCall, drawCallStyle, type TCallStyle } from "./call-style";
import { padEvenly, padPlane, toPair, type TPair } from "./conv-ops";
import type { TLocatedCell } from "./exercise-definition";
import { ZIntRange, ZValueRange } from "./meta-schema";
import { takeSubarray, type NdArray } from "./ndarray";
import type { TPoolProblem } from "./pool-variants";
import { createRandom, drawArray, type TRandom } from "./seeded-random";
import { message, type TCaseParams } from "./result-format";

export interface TPoolInput {
  /** (C, H, W) */
  x: NdArray;
  kernel: number | TPair;
  /** null: left out or passed as None, so PyTorch uses kernel_size */
  stride: number | TPair | null;
  padding: number | TPair;
  call: TCallStyle;
}

export const ZPoolGenerator = z.strictObject({
  channels: ZIntRange,
  imageSize: ZIntRange,
  kernel: ZIntRange,
  stride: ZIntRange,
  values: ZValueRange,
});
export type TPoolGenerator = z.infer<typeof ZPoolGenerator>;

/** Builds an exercise's hand-written edge cases, each with fresh values from one seeded generator. */
export function createPoolInputMaker(seed: number) {
  const random = createRandom(seed);
  return (
    shape: [number, number, number],
    kernel: number | TPair,
    stride: number | TPair | null,
    padding: number | TPair,
    call: TCallStyle,
  ): TPoolInput => ({ x: drawArray(random, shape, [-2, 2]), kernel, stride, padding, call });
}

export function toPoolProblem(input: TPoolInput, mode: TPoolProblem["mode"]): TPoolProblem {
  return {
    x: input.x,
    kernel: toPair(input.kernel),
    stride: input.stride === null ? null : toPair(input.stride),
    padding: toPair(input.padding),
    mode,
  };
}

const samePair = (pair: TPair, asInt: boolean): number | TPair => (asInt && pair[0] === pair[1] ? pair[0] : pair);

/** PyTorch accepts padding up to half the kernel and needs at least one window. */
export function drawPoolInput(random: TRandom, ranges: TPoolGenerator): TPoolInput {
  const channels = random.integer(...ranges.channels);
  const rows = random.integer(...ranges.imageSize);
  const cols = random.chance(0.3) ? rows : random.integer(...ranges.imageSize);
  const isSquare = random.chance(0.5);
  const kernelRows = random.integer(...ranges.kernel);
  const kernelCols = isSquare ? kernelRows : random.integer(...ranges.kernel);
  const padding: TPair = [random.integer(0, Math.floor(kernelRows / 2)), random.integer(0, Math.floor(kernelCols / 2))];
  if (isSquare) padding[1] = padding[0];
  const kernel: TPair = [Math.min(kernelRows, rows + 2 * padding[0]), Math.min(kernelCols, cols + 2 * padding[1])];
  const strideForm = random.pick(["default", "int", "tuple"] as const);
  const strideRows = random.integer(...ranges.stride);
  const stride: number | TPair | null =
    strideForm === "default" ? null : strideForm === "int" ? strideRows : [strideRows, random.integer(...ranges.stride)];
  return {
    x: drawArray(random, [channels, rows, cols], ranges.values),
    kernel: samePair(kernel, isSquare),
    stride,
    padding: samePair(padding, isSquare),
    call: drawCallStyle(random),
  };
}

export function buildPoolCall(input: TPoolInput): TCaseInput {
  return buildCall(
    [input.x, input.kernel],
    [
      { name: "stride", value: input.stride, isDefault: input.stride === null },
      { name: "padding", value: input.padding, isDefault: toPair(input.padding).every((p) => p === 0) },
    ],
    input.call,
  );
}

/** The arguments as the call passes them (int, (h, w) tuple or None). */
export function listPoolArguments(input: TPoolInput): Record<string, number | TPair | null> {
  return { kernel_size: input.kernel, stride: input.stride, padding: input.padding };
}

export function describePoolInput(input: TPoolInput): TCaseParams {
  return { "x.shape": input.x.shape, kernel_size: input.kernel, stride: input.stride, padding: input.padding };
}

export function locatePoolWindow(input: TPoolInput, [c, i, j]: number[], mode: TPoolProblem["mode"]): TLocatedCell {
  const problem = toPoolProblem(input, mode);
  const stride = problem.stride ?? problem.kernel;
  const [r0, c0] = [i * stride[0], j * stride[1]];
  const [r1, c1] = [r0 + problem.kernel[0], c0 + problem.kernel[1]];
  const fill = mode === "max" ? -Infinity : 0;
  const padded = message(mode === "max" ? "pool.paddedInf" : "pool.paddedZero");
  return {
    window: { rows: [r0, r1], cols: [c0, c1], channel: c },
    windowText: message("pool.window", { r0, r1, c0, c1, c, padded }),
    input: [
      {
        label: message("pool.label", { c, padded }),
        channel: c,
        plane: padPlane(takeSubarray(input.x, [c]), padEvenly(problem.padding), fill),
      },
    ],
    inputPadding: { rows: problem.padding[0], cols: problem.padding[1] },
  };
}

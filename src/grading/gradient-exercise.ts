// The parts the gradient exercises (conv2d-backward, max-pool2d-backward, avg-pool2d-backward)
// share: their known mistakes as variants of the backward passes in gradient-ops.ts, where a
// gradient cell collects from (the dout cells whose windows cover it) for the heatmaps, and the
// pooling ones' inputs: the forward pooling's (pool-exercise.ts) plus dout.
import type { TCaseInput } from "@runner";
import type { TLocatedCell, TSingleVariant } from "./exercise-definition";
import { countPoolWindows, type TConvBackwardMistakes, type TPoolBackwardMistakes, type TPoolBackwardProblem } from "./gradient-ops";
import { MISTAKES } from "./mistakes";
import { takeSubarray, type NdArray } from "./ndarray";
import { packArrays } from "./output-parts";
import { buildPoolCall, createPoolInputMaker, describePoolInput, toPoolProblem, type TPoolInput } from "./pool-exercise";
import { message, type TCaseParams, type TMessage } from "./result-format";
import { createRandom, drawArray, type TRandom } from "./seeded-random";

/** Each mistake as the options of the backward pass that reproduce it. */
const GRADIENT_MISTAKES = {
  overlapsOverwritten: { isOverwriting: true },
  paddingNotCropped: { isPaddingKept: true },
  backwardStrideIgnored: { isStrideIgnored: true },
  backwardKernelFlipped: { isKernelFlipped: true },
  dweightsInOut: { isWeightsInOut: true },
  maxGradientToTies: { maxRoute: "every-max" },
  maxGradientToWindow: { maxRoute: "whole-window" },
  lastMaxWins: { maxRoute: "last-max" },
  divisorRealCells: { isDivisorRealCells: true },
} as const satisfies Record<string, TConvBackwardMistakes & TPoolBackwardMistakes>;

export type TGradientMistake = keyof typeof GRADIENT_MISTAKES;

/** The mistakes every gradient exercise can make, with their demonstrating buggy/ files (each exercise's catalog adds its own). */
export const GRADIENT_CATALOG = [
  { variant: "overlapsOverwritten", code: "overlaps-overwritten", demonstratedBy: "buggy/overlaps-overwritten.py" },
  { variant: "paddingNotCropped", code: "padding-not-cropped", demonstratedBy: "buggy/padding-not-cropped.py" },
  { variant: "backwardStrideIgnored", code: "stride-ignored", demonstratedBy: "buggy/stride-ignored.py" },
] as const satisfies readonly { variant: TGradientMistake; code: string; demonstratedBy: string }[];

/**
 * One variant per mistake: the backward pass rerun with the mistake's options, packed like the
 * reference (a mistake that changes a shape, such as uncropped padding, packs to another length).
 */
export function buildGradientVariants<TInput>(
  mistakes: readonly TGradientMistake[],
  solve: (input: TInput, mistakes: TConvBackwardMistakes & TPoolBackwardMistakes) => NdArray | NdArray[],
): TSingleVariant<TInput>[] {
  return mistakes.map((key) => ({
    ...MISTAKES[key],
    candidates: (input) => {
      const result = solve(input, GRADIENT_MISTAKES[key]);
      return [Array.isArray(result) ? packArrays(result) : result];
    },
  }));
}

/** Planes drawn in feedback: enough to see the cells in every channel of small cases. */
const MAX_DOUT_HEATMAPS = 4;

/** The rows (or columns) i of dout whose window [i·stride, i·stride + kernel) covers padded row `at`. */
function findCoveringWindows(at: number, kernel: number, stride: number, count: number): [number, number] {
  return [Math.max(0, Math.ceil((at - kernel + 1) / stride)), Math.min(count - 1, Math.floor(at / stride))];
}

/** The dout planes drawn for one gradient cell: `channel`'s only, or the first few when every channel feeds it. */
function drawDout(dout: NdArray, channel: number | null): TLocatedCell["input"] {
  const channels = channel === null ? Array.from({ length: Math.min(dout.shape[0], MAX_DOUT_HEATMAPS) }, (_, c) => c) : [channel];
  return channels.map((c) => ({ label: message("gradient.doutLabel", { c }), channel: c, plane: takeSubarray(dout, [c]) }));
}

/**
 * The dout cells that feed input cell (row, col) of the unpadded input: the windows covering it.
 * `channel` null: every output channel feeds it (a convolution), else only that channel (pooling).
 */
export function locateFeedingCells(
  dout: NdArray,
  [row, col]: [number, number],
  options: { kernel: [number, number]; stride: [number, number]; padding: [number, number]; channel: number | null },
): TLocatedCell {
  const { kernel, stride, padding, channel } = options;
  const [r0, r1] = findCoveringWindows(row + padding[0], kernel[0], stride[0], dout.shape[1]);
  const [c0, c1] = findCoveringWindows(col + padding[1], kernel[1], stride[1], dout.shape[2]);
  const isFed = r0 <= r1 && c0 <= c1;
  const windowText: TMessage = isFed
    ? message("gradient.doutWindow", { channels: channel === null ? ":" : channel, r0, r1: r1 + 1, c0, c1: c1 + 1 })
    : message("gradient.noWindow");
  return {
    window: isFed ? { rows: [r0, r1 + 1], cols: [c0, c1 + 1], channel } : null,
    windowText,
    input: drawDout(dout, channel),
    inputRole: "upstream-gradient",
    inputPadding: { rows: 0, cols: 0 },
  };
}

/** dweights[o, c, u, v] collects from every cell of dout[o]. */
export function locateWeightCell(dout: NdArray, [o, c, u, v]: number[]): TLocatedCell {
  return {
    window: { rows: [0, dout.shape[1]], cols: [0, dout.shape[2]], channel: o },
    windowText: message("gradient.doutPlane", { o, c, u, v }),
    input: drawDout(dout, o),
    inputRole: "upstream-gradient",
    inputPadding: { rows: 0, cols: 0 },
  };
}

/** The pooling gradient exercises' input: the forward pooling's arguments and the gradient of its output. */
export interface TPoolBackwardInput extends TPoolInput {
  /** (C, H_out, W_out) */
  dout: NdArray;
}

export function toPoolBackwardProblem(input: TPoolBackwardInput, mode: TPoolBackwardProblem["mode"]): TPoolBackwardProblem {
  return { ...toPoolProblem(input, mode), dout: input.dout };
}

/** Adds a dout of the forward output's shape to a pooling input. */
export function withDout(random: TRandom, input: TPoolInput): TPoolBackwardInput {
  const { x, kernel, stride, padding } = toPoolProblem(input, "max");
  const [rows, cols] = countPoolWindows(x, kernel, stride, padding)!;
  return { ...input, dout: drawArray(random, [x.shape[0], rows, cols], [-1, 1]) };
}

export function createPoolBackwardInputMaker(seed: number) {
  const random = createRandom(seed + 1);
  const makeInput = createPoolInputMaker(seed);
  return (...args: Parameters<typeof makeInput>) => withDout(random, makeInput(...args));
}

export function buildPoolBackwardCall(input: TPoolBackwardInput): TCaseInput {
  const { args, kwargs } = buildPoolCall(input);
  return kwargs ? { args: [input.dout, ...args], kwargs } : { args: [input.dout, ...args] };
}

export function describePoolBackwardInput(input: TPoolBackwardInput): TCaseParams {
  return { "dout.shape": input.dout.shape, ...describePoolInput(input) };
}

/** dx[c, r, s] collects from the cells of dout[c] whose windows cover it. */
export function locatePoolGradient(input: TPoolBackwardInput, [c, row, col]: number[]): TLocatedCell {
  const { kernel, stride, padding } = toPoolProblem(input, "max");
  return locateFeedingCells(input.dout, [row, col], { kernel, stride: stride ?? kernel, padding, channel: c });
}

// Known-wrong variants of a multi-channel convolution, shared by every convolution exercise:
// each one reruns the reference with one thing done the way students commonly get it wrong.
import { conv2dChannels, padEvenly, type TConvOptions, type TPair, type TPadding } from "./conv-ops";
import type { TMistake, TVariant } from "./exercise-definition";
import { MISTAKES } from "./mistakes";
import {
  cropOutput,
  countWindowsRoundedUp,
  growOutput,
  INTEGER_CUTS,
  integerTruncationVariant,
  transposedVariant,
} from "./output-variants";
import type { NdArray } from "./ndarray";

/** Every convolution exercise, seen as the notes' myconv2d. */
export interface TConvProblem {
  /** (C_in, H, W) */
  features: NdArray;
  /** (C_out, C_in, kh, kw) */
  weights: NdArray;
  padding: TPair;
  stride: TPair;
}

export function solveConvProblem(problem: TConvProblem, changes: Partial<TConvOptions> = {}): NdArray | null {
  return conv2dChannels(problem.features, problem.weights, {
    padding: padEvenly(problem.padding),
    stride: problem.stride,
    ...changes,
  });
}

type TCandidateBuilder = (problem: TConvProblem, expected: NdArray, toOutput: (channels: NdArray) => NdArray) => (NdArray | null)[];

const onOutput = (result: NdArray | null, toOutput: (channels: NdArray) => NdArray) => (result ? toOutput(result) : null);

const isOnes = ([a, b]: TPair) => a === 1 && b === 1;
const isZeros = ([a, b]: TPair) => a === 0 && b === 0;
const lastTwo = (array: NdArray): TPair => [array.shape[array.shape.length - 2], array.shape[array.shape.length - 1]];

const oneSidedPaddings = ([rows, cols]: TPair): TPadding[] => [
  { top: 0, bottom: 2 * rows, left: 0, right: 2 * cols },
  { top: 2 * rows, bottom: 0, left: 2 * cols, right: 0 },
  { top: 0, bottom: rows, left: 0, right: cols },
  { top: rows, bottom: 0, left: cols, right: 0 },
];

const CANDIDATE_BUILDERS = {
  flippedKernel: (problem, _expected, toOutput) => [onOutput(solveConvProblem(problem, { flipKernel: true }), toOutput)],
  strideIgnored: (problem, expected, toOutput) => {
    if (isOnes(problem.stride)) return [];
    const unstrided = onOutput(solveConvProblem(problem, { stride: [1, 1] }), toOutput);
    return unstrided ? [unstrided, cropOutput(unstrided, lastTwo(expected))] : [];
  },
  paddingIgnored: (problem, _expected, toOutput) =>
    isZeros(problem.padding) ? [] : [onOutput(solveConvProblem(problem, { padding: padEvenly([0, 0]) }), toOutput)],
  oneSidedPadding: (problem, _expected, toOutput) =>
    isZeros(problem.padding)
      ? []
      : oneSidedPaddings(problem.padding).map((padding) => onOutput(solveConvProblem(problem, { padding }), toOutput)),
  channelsNotSummed: (problem, _expected, toOutput) =>
    problem.features.shape[0] === 1
      ? []
      : (["first", "last"] as const).map((combine) =>
          onOutput(solveConvProblem(problem, { combineChannels: combine }), toOutput),
        ),
  channelsAveraged: (problem, _expected, toOutput) =>
    problem.features.shape[0] === 1 ? [] : [onOutput(solveConvProblem(problem, { combineChannels: "mean" }), toOutput)],
  weightsInOut: (problem, _expected, toOutput) =>
    problem.features.shape[0] !== problem.weights.shape[0]
      ? []
      : [onOutput(solveConvProblem(problem, { weightsInOut: true }), toOutput)],
  hwSwapped: (problem, _expected, toOutput) => {
    const padding: TPair = [problem.padding[1], problem.padding[0]];
    const stride: TPair = [problem.stride[1], problem.stride[0]];
    return [
      { ...problem, padding, stride },
      { ...problem, padding },
      { ...problem, stride },
    ].map((swapped) => onOutput(solveConvProblem(swapped), toOutput));
  },
  outputSizeCeil: (problem, expected) => {
    const [, , kernelRows, kernelCols] = problem.weights.shape;
    const [, rows, cols] = problem.features.shape;
    return [
      growOutput(expected, [
        countWindowsRoundedUp(rows, 2 * problem.padding[0], kernelRows, problem.stride[0]),
        countWindowsRoundedUp(cols, 2 * problem.padding[1], kernelCols, problem.stride[1]),
      ]),
    ];
  },
} satisfies Partial<Record<keyof typeof MISTAKES, TCandidateBuilder>>;

export type TConvMistake = keyof typeof CANDIDATE_BUILDERS | "outputTransposed" | "integerTruncation";

/**
 * The variants for the listed mistakes, in that order (the order breaks ties in diagnosis).
 * `toOutput` turns the (C_out, H_out, W_out) result into the exercise's output shape.
 */
export function buildConvVariants<TInput>(
  mistakes: readonly TConvMistake[],
  toProblem: (input: TInput) => TConvProblem,
  toOutput: (channels: NdArray) => NdArray,
): TVariant<TInput>[] {
  return mistakes.map((mistake) => {
    if (mistake === "outputTransposed") return transposedVariant<TInput>();
    if (mistake === "integerTruncation") {
      // a per-channel helper returning integers sums already-cut parts
      return integerTruncationVariant<TInput>((input) => {
        const problem = toProblem(input);
        if (problem.features.shape[0] === 1) return [];
        return INTEGER_CUTS.map((cutPart) => toOutput(solveConvProblem(problem, { cutPart })!));
      });
    }
    const build: TCandidateBuilder = CANDIDATE_BUILDERS[mistake];
    const described: TMistake = MISTAKES[mistake];
    return {
      ...described,
      candidates: (input, expected) =>
        build(toProblem(input), expected, toOutput).filter((candidate): candidate is NdArray => candidate !== null),
    };
  });
}

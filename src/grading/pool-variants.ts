// Known-wrong variants of max and average pooling with PyTorch's semantics: each reruns the
// reference with one default or padding rule done the way students commonly get it wrong.
import { padEvenly, pool2dChannels, type TPair, type TPoolOptions } from "./conv-ops";
import type { TMistake, TVariant } from "./exercise-definition";
import { MISTAKES } from "./mistakes";
import { countWindowsRoundedUp, cropOutput, growOutput, integerTruncationVariant, transposedVariant } from "./output-variants";
import type { NdArray } from "./ndarray";

export interface TPoolProblem {
  /** (C, H, W) */
  x: NdArray;
  kernel: TPair;
  /** null when the call left stride out or passed None: PyTorch then uses kernel_size */
  stride: TPair | null;
  padding: TPair;
  mode: "max" | "average";
}

export function solvePoolProblem(problem: TPoolProblem, changes: Partial<TPoolOptions> = {}): NdArray | null {
  return pool2dChannels(problem.x, {
    kernel: problem.kernel,
    stride: problem.stride ?? problem.kernel,
    padding: padEvenly(problem.padding),
    mode: problem.mode,
    ...changes,
  });
}

type TCandidateBuilder = (problem: TPoolProblem, expected: NdArray) => (NdArray | null)[];

const hasPadding = (problem: TPoolProblem) => problem.padding[0] > 0 || problem.padding[1] > 0;

const CANDIDATE_BUILDERS = {
  paddingAsZero: (problem) => (problem.mode === "max" && hasPadding(problem) ? [solvePoolProblem(problem, { maxPadValue: 0 })] : []),
  paddingExcluded: (problem) =>
    problem.mode === "average" && hasPadding(problem) ? [solvePoolProblem(problem, { mode: "average-of-real" })] : [],
  poolPaddingIgnored: (problem) => (hasPadding(problem) ? [solvePoolProblem(problem, { padding: padEvenly([0, 0]) })] : []),
  strideDefaultOne: (problem, expected) => {
    if (problem.stride !== null) return [];
    const unstrided = solvePoolProblem(problem, { stride: [1, 1] });
    const size = expected.shape.slice(1) as TPair;
    return unstrided ? [unstrided, cropOutput(unstrided, size)] : [];
  },
  poolOutputSizeCeil: (problem, expected) => {
    const stride = problem.stride ?? problem.kernel;
    const [, rows, cols] = problem.x.shape;
    return [
      growOutput(expected, [
        countWindowsRoundedUp(rows, 2 * problem.padding[0], problem.kernel[0], stride[0]),
        countWindowsRoundedUp(cols, 2 * problem.padding[1], problem.kernel[1], stride[1]),
      ]),
    ];
  },
} satisfies Partial<Record<keyof typeof MISTAKES, TCandidateBuilder>>;

export type TPoolMistake = keyof typeof CANDIDATE_BUILDERS | "outputTransposed" | "integerTruncation";

/** The variants for the listed mistakes, in that order (the order breaks ties in diagnosis). */
export function buildPoolVariants<TInput>(
  mistakes: readonly TPoolMistake[],
  toProblem: (input: TInput) => TPoolProblem,
): TVariant<TInput>[] {
  return mistakes.map((mistake) => {
    if (mistake === "outputTransposed") return transposedVariant<TInput>();
    if (mistake === "integerTruncation") return integerTruncationVariant<TInput>();
    const build: TCandidateBuilder = CANDIDATE_BUILDERS[mistake];
    const described: TMistake = MISTAKES[mistake];
    return {
      ...described,
      candidates: (input, expected) =>
        build(toProblem(input), expected).filter((candidate): candidate is NdArray => candidate !== null),
    };
  });
}

// Known-wrong variants of max and average pooling with PyTorch's semantics: each reruns the
// reference with one default or padding rule done the way students commonly get it wrong. As for
// convolutions, a mistake turns a spelling into spellings, so two mistakes compose into a compound.
import { countWindows, padEvenly, pool2dChannels, type TPair, type TPoolOptions } from "./conv-ops";
import { python2DivisionVariant, tupleArgumentVariant } from "./call-variants";
import type { TVariant } from "./exercise-definition";
import { MISTAKES } from "./mistakes";
import {
  countWindowsRounded,
  countWindowsRoundedUp,
  cropOutput,
  growOutput,
  INTEGER_CUTS,
  isIntegerDtype,
  moveChannelsLast,
  placeAtWindowStarts,
  zeroBeyond,
} from "./output-variants";
import { createNdArray, mapValues, reverseAxes, swapLastTwoAxes, type NdArray } from "./ndarray";
import { thenApply, voidOf, withChanges, withProblem, type TMistakeRule as TGenericMistakeRule, type TSpelling as TGenericSpelling } from "./variant-spelling";

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

type TSpelling = TGenericSpelling<TPoolProblem, TPoolOptions>;
type TMistakeRule = TGenericMistakeRule<TPoolProblem, TPoolOptions>;

const hasPadding = (problem: TPoolProblem) => problem.padding[0] > 0 || problem.padding[1] > 0;
const strideOf = (problem: TPoolProblem) => problem.stride ?? problem.kernel;

function countOutput(problem: TPoolProblem, count: (size: number, padding: number, kernel: number, stride: number) => number | null): TPair {
  const [, rows, cols] = problem.x.shape;
  const stride = strideOf(problem);
  return [
    count(rows, 2 * problem.padding[0], problem.kernel[0], stride[0]) ?? 0,
    count(cols, 2 * problem.padding[1], problem.kernel[1], stride[1]) ?? 0,
  ];
}

/** Rules that change the problem first, rules acting on the result after them (a compound's order). */
const RULES = {
  paddingAsZero: (spelling) =>
    spelling.problem.mode === "max" && hasPadding(spelling.problem) ? [withChanges(spelling, { maxPadValue: 0 })] : [],
  paddingExcluded: (spelling) =>
    spelling.problem.mode === "average" && hasPadding(spelling.problem) ? [withChanges(spelling, { mode: "average-of-real" })] : [],
  poolPaddingIgnored: (spelling) => (hasPadding(spelling.problem) ? [withProblem(spelling, { padding: [0, 0] })] : []),
  strideDefaultOne: (spelling, isCompound) => {
    if (spelling.problem.stride !== null) return [];
    const unstrided = withProblem(spelling, { stride: [1, 1] });
    const size = countOutput(spelling.problem, countWindows);
    // a top-left block agrees with too many wrong results for a compound to tell them apart
    return isCompound ? [unstrided] : [unstrided, thenApply(unstrided, (result) => cropOutput(result, size))];
  },
  // kernel_size[0] for both sides, or every argument's [0]: pooling code that assumes squares
  // reads one entry of each tuple (its output is then square only for square inputs)
  squareAssumed: (spelling) => {
    const { kernel, stride, padding } = spelling.problem;
    const firsts = withProblem(spelling, {
      kernel: [kernel[0], kernel[0]],
      stride: stride && [stride[0], stride[0]],
      padding: [padding[0], padding[0]],
    });
    const isSquare = kernel[0] === kernel[1] && (!stride || stride[0] === stride[1]) && padding[0] === padding[1];
    if (isSquare) return [];
    return [kernel[0] === kernel[1] ? voidOf(spelling) : withProblem(spelling, { kernel: [kernel[0], kernel[0]] }), firsts];
  },
  poolOutputSizeCeil: (spelling) => {
    const size = countOutput(spelling.problem, countWindowsRoundedUp);
    return [thenApply(spelling, (result) => growOutput(result, size))];
  },
  outputSizeRound: (spelling) => {
    const size = countOutput(spelling.problem, countWindowsRounded);
    return [thenApply(spelling, (result) => growOutput(result, size))];
  },
  unpaddedLoopBounds: (spelling) => {
    if (!hasPadding(spelling.problem)) return [];
    const reached = countOutput({ ...spelling.problem, padding: [0, 0] }, countWindows);
    return [thenApply(spelling, (result) => zeroBeyond(result, reached))];
  },
  windowStartIndex: (spelling) => {
    const stride = strideOf(spelling.problem);
    const unstrided = countOutput({ ...spelling.problem, stride: [1, 1] }, countWindows);
    return [thenApply(spelling, (result) => placeAtWindowStarts(result, stride, unstrided))];
  },
  outputTransposed: (spelling) => [thenApply(spelling, swapLastTwoAxes), thenApply(spelling, reverseAxes)],
  channelsLast: (spelling) => [thenApply(spelling, moveChannelsLast)],
  integerTruncation: (spelling) => INTEGER_CUTS.map((cut) => thenApply(spelling, (result) => mapValues(result, cut))),
} satisfies Partial<Record<keyof typeof MISTAKES, TMistakeRule>>;

/** Holds the place of a spelling that gives nothing on this case: never telling, it explains nothing. */
const NO_CANDIDATE = createNdArray([0]);

const RULE_ORDER = Object.keys(RULES) as (keyof typeof RULES)[];

export type TPoolMistake = keyof typeof RULES | "python2Division" | "tupleArgumentUnsupported";
const isCallMistake = (mistake: TPoolMistake) => mistake === "python2Division" || mistake === "tupleArgumentUnsupported";

function buildCandidates<TInput>(rules: readonly (keyof typeof RULES)[], toProblem: (input: TInput) => TPoolProblem) {
  return (input: TInput): NdArray[] => {
    let spellings: TSpelling[] = [{ problem: toProblem(input), changes: {}, after: [] }];
    const ordered = [...rules].sort((a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b));
    for (const rule of ordered) spellings = spellings.flatMap((spelling) => (RULES[rule] as TMistakeRule)(spelling, rules.length > 1));
    return spellings.map((spelling) => {
      if (spelling.isVoid) return NO_CANDIDATE;
      let result = solvePoolProblem(spelling.problem, spelling.changes);
      for (const step of spelling.after) result = result && step(result);
      return result ?? NO_CANDIDATE;
    });
  };
}

const COMPOUND_CORES: readonly TPoolMistake[] = ["poolPaddingIgnored", "strideDefaultOne", "squareAssumed", "paddingAsZero", "paddingExcluded"];

/**
 * The variants for the listed mistakes, in that order (the order breaks ties in diagnosis), then
 * each compound of a common mistake (COMPOUND_CORES) with another listed one.
 */
export function buildPoolVariants<TInput>(
  mistakes: readonly TPoolMistake[],
  toProblem: (input: TInput) => TPoolProblem,
  /** kernel_size, stride and padding as passed (int, tuple or None), for tupleArgumentUnsupported */
  toArguments: (input: TInput) => Record<string, unknown>,
): TVariant<TInput>[] {
  const singles = mistakes.map((mistake): TVariant<TInput> => {
    if (mistake === "python2Division") return python2DivisionVariant<TInput>();
    if (mistake === "tupleArgumentUnsupported") return tupleArgumentVariant<TInput>(toArguments);
    return {
      ...MISTAKES[mistake],
      candidates: buildCandidates([mistake], toProblem),
      ...(mistake === "integerTruncation" ? { isShownByDtype: isIntegerDtype } : {}),
    };
  });
  // integer cuts collapse values, so a compound with them matches by coincidence; an integer
  // array is already compared with every variant cut to integers
  const combinable = mistakes.filter(
    (mistake): mistake is keyof typeof RULES => !isCallMistake(mistake) && mistake !== "integerTruncation",
  );
  const compounds = combinable.flatMap((first, i) =>
    combinable
      .slice(i + 1)
      .filter((second) => COMPOUND_CORES.includes(first) || COMPOUND_CORES.includes(second))
      .map((second): TVariant<TInput> => {
        const parts = [MISTAKES[first], MISTAKES[second]];
        return {
          code: parts.map((part) => part.code).join("+"),
          parts,
          candidates: buildCandidates([first, second], toProblem),
        };
      }),
  );
  return [...singles, ...compounds];
}

/** The mistakes both pooling exercises can make, with their demonstrating buggy/ files (each exercise's catalog adds its own). */
export const POOL_CATALOG = [
  { variant: "poolPaddingIgnored", code: "padding-ignored", demonstratedBy: "buggy/padding-ignored.py" },
  { variant: "strideDefaultOne", code: "stride-default-one", demonstratedBy: "buggy/stride-default-one.py" },
  { variant: "poolOutputSizeCeil", code: "output-size-ceil", demonstratedBy: "buggy/output-size-ceil.py" },
  { variant: "outputTransposed", code: "output-transposed", demonstratedBy: "buggy/output-transposed.py" },
  { variant: "integerTruncation", code: "integer-truncation", demonstratedBy: "buggy/integer-truncation.py" },
  { variant: "unpaddedLoopBounds", code: "unpadded-loop-bounds", demonstratedBy: "buggy/unpadded-loop-bounds.py" },
  { variant: "windowStartIndex", code: "window-start-index", demonstratedBy: "buggy/window-start-index.py" },
  { variant: "squareAssumed", code: "square-assumed", demonstratedBy: "buggy/square-assumed.py" },
  { variant: "channelsLast", code: "channels-last", demonstratedBy: "buggy/channels-last.py" },
  { variant: "outputSizeRound", code: "output-size-round", demonstratedBy: "buggy/output-size-round.py" },
  { variant: "python2Division", code: "python2-division", demonstratedBy: "buggy/python2-division.py" },
  { variant: "tupleArgumentUnsupported", code: "tuple-argument-unsupported", demonstratedBy: "buggy/tuple-argument-unsupported.py" },
] as const satisfies readonly { variant: TPoolMistake; code: string; demonstratedBy: string }[];

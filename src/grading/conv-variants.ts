// Known-wrong variants of a multi-channel convolution, shared by every convolution exercise:
// each one reruns the reference with one thing done the way students commonly get it wrong.
// A mistake turns a "spelling" (the problem as the student solves it, plus what their code does
// to the result) into one or more spellings, so two mistakes compose into a compound variant.
import { python2DivisionVariant } from "./call-variants";
import { conv2dChannels, countWindows, padEvenly, type TConvOptions, type TPair } from "./conv-ops";
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
  resizeOutput,
  scrambleIm2colRows,
  zeroBeyond,
} from "./output-variants";
import { reverseAxes, swapLastTwoAxes } from "./ndarray";
import { createNdArray, mapValues, type NdArray } from "./ndarray";
import { thenApply, voidOf, withChanges, withProblem, type TMistakeRule as TGenericMistakeRule, type TSpelling as TGenericSpelling } from "./variant-spelling";

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

/** The problem as a student's code solves it, and what that code then does to the result. */
type TSpelling = TGenericSpelling<TConvProblem, TConvOptions>;
type TMistakeRule = TGenericMistakeRule<TConvProblem, TConvOptions>;

const isOnes = ([a, b]: TPair) => a === 1 && b === 1;
const isZeros = ([a, b]: TPair) => a === 0 && b === 0;
const kernelOf = (problem: TConvProblem): TPair => [problem.weights.shape[2], problem.weights.shape[3]];
const imageOf = (problem: TConvProblem): TPair => [problem.features.shape[1], problem.features.shape[2]];

/** The output size of a spelling's own problem, each axis counted with `count`. */
function countOutput(problem: TConvProblem, count: (size: number, padding: number, kernel: number, stride: number) => number | null): TPair {
  const [rows, cols] = imageOf(problem);
  const [kernelRows, kernelCols] = kernelOf(problem);
  return [
    count(rows, 2 * problem.padding[0], kernelRows, problem.stride[0]) ?? 0,
    count(cols, 2 * problem.padding[1], kernelCols, problem.stride[1]) ?? 0,
  ];
}

const oneSidedPaddings = ([rows, cols]: TPair) => [
  { top: 0, bottom: 2 * rows, left: 0, right: 2 * cols },
  { top: 2 * rows, bottom: 0, left: 2 * cols, right: 0 },
  { top: 0, bottom: rows, left: 0, right: cols },
  { top: rows, bottom: 0, left: cols, right: 0 },
];

const truncateInput = (features: NdArray) => mapValues(features, Math.trunc);

/**
 * Each rule returns no spelling when the mistake is impossible or changes nothing on this problem.
 * Rules that change the problem come first and rules that act on the result after them: a
 * compound applies its two rules in this order.
 */
const RULES = {
  flippedKernel: (spelling) => [withChanges(spelling, { flipKernel: true })],
  strideIgnored: (spelling, isCompound) => {
    if (isOnes(spelling.problem.stride)) return [];
    const unstrided = withProblem(spelling, { stride: [1, 1] });
    const size = countOutput(spelling.problem, countWindows);
    // the top-left block of a wrong result agrees with too many other wrong results (one-sided
    // padding's with ignored padding's, say) for a compound to tell them apart
    return isCompound ? [unstrided] : [unstrided, thenApply(unstrided, (result) => cropOutput(result, size))];
  },
  paddingIgnored: (spelling) => (isZeros(spelling.problem.padding) ? [] : [withProblem(spelling, { padding: [0, 0] })]),
  oneSidedPadding: (spelling) =>
    isZeros(spelling.problem.padding) ? [] : oneSidedPaddings(spelling.problem.padding).map((padding) => withChanges(spelling, { padding })),
  channelsNotSummed: (spelling) =>
    spelling.problem.features.shape[0] === 1
      ? []
      : (["first", "last"] as const).map((combine) => withChanges(spelling, { combineChannels: combine })),
  channelsAveraged: (spelling) =>
    spelling.problem.features.shape[0] === 1 ? [] : [withChanges(spelling, { combineChannels: "mean" })],
  weightsInOut: (spelling) =>
    spelling.problem.features.shape[0] !== spelling.problem.weights.shape[0] ? [] : [withChanges(spelling, { weightsInOut: true })],
  hwSwapped: (spelling) => {
    const { padding, stride } = spelling.problem;
    const swappedPadding: TPair = [padding[1], padding[0]];
    const swappedStride: TPair = [stride[1], stride[0]];
    return [
      { padding: swappedPadding, stride: swappedStride },
      { padding: swappedPadding },
      { stride: swappedStride },
    ].map((changes) => withProblem(spelling, changes));
  },
  integerInputBuffer: (spelling) => [withProblem(spelling, { features: truncateInput(spelling.problem.features) })],
  sameSizeOutput: (spelling) => {
    const [kernelRows, kernelCols] = kernelOf(spelling.problem);
    const even = { top: kernelRows >> 1, bottom: kernelRows >> 1, left: kernelCols >> 1, right: kernelCols >> 1 };
    const same = { top: (kernelRows - 1) >> 1, bottom: kernelRows >> 1, left: (kernelCols - 1) >> 1, right: kernelCols >> 1 };
    const { padding } = spelling.problem;
    const isAsGiven = (p: typeof even) => p.top === padding[0] && p.bottom === padding[0] && p.left === padding[1] && p.right === padding[1];
    const spellings = [even, same].map((p) => (isAsGiven(p) ? voidOf(spelling) : withChanges(spelling, { padding: p })));
    // np.zeros_like(img) as the output: an even kernel's extra last row and column never computed
    const inputSize = imageOf(spelling.problem);
    const cropped = thenApply(withChanges(spelling, { padding: even }), (result) => cropOutput(result, inputSize));
    return [...spellings, kernelRows % 2 === 0 || kernelCols % 2 === 0 ? cropped : voidOf(spelling)];
  },
  squareAssumed: (spelling) => {
    const size = countOutput(spelling.problem, countWindows);
    const [kernelRows, kernelCols] = kernelOf(spelling.problem);
    const squares = [size[0], size[1]].map((side) => thenApply(spelling, (result) => resizeOutput(result, [side, side])));
    // kernel.shape[0] for both sides: a loop over range(kh) columns reads only kernel[:, :kh]
    if (kernelCols <= kernelRows) return [...squares, voidOf(spelling)];
    const { weights } = spelling.problem;
    const [outChannels, inChannels] = weights.shape;
    const cropped = createNdArray([outChannels, inChannels, kernelRows, kernelRows]);
    for (let plane = 0; plane < outChannels * inChannels; plane++) {
      for (let u = 0; u < kernelRows; u++) {
        for (let v = 0; v < kernelRows; v++) {
          cropped.data[(plane * kernelRows + u) * kernelRows + v] = weights.data[(plane * kernelRows + u) * kernelCols + v];
        }
      }
    }
    return [...squares, withProblem(spelling, { weights: cropped })];
  },
  outputSizeCeil: (spelling) => {
    const size = countOutput(spelling.problem, countWindowsRoundedUp);
    return [thenApply(spelling, (result) => growOutput(result, size))];
  },
  outputSizeRound: (spelling) => {
    const size = countOutput(spelling.problem, countWindowsRounded);
    return [thenApply(spelling, (result) => growOutput(result, size))];
  },
  unpaddedLoopBounds: (spelling) => {
    if (isZeros(spelling.problem.padding)) return [];
    const reached = countOutput({ ...spelling.problem, padding: [0, 0] }, countWindows);
    return [thenApply(spelling, (result) => zeroBeyond(result, reached))];
  },
  windowStartIndex: (spelling) => {
    const { stride } = spelling.problem;
    if (isOnes(stride)) return [];
    const unstrided = countOutput({ ...spelling.problem, stride: [1, 1] }, countWindows);
    return [thenApply(spelling, (result) => placeAtWindowStarts(result, stride, unstrided))];
  },
  outputTransposed: (spelling) => [
    thenApply(spelling, swapLastTwoAxes),
    thenApply(spelling, (result) => (result.shape.length > 2 ? reverseAxes(result) : null)),
  ],
  channelsLast: (spelling) => [thenApply(spelling, moveChannelsLast)],
  im2colRowIndex: (spelling) => [thenApply(spelling, scrambleIm2colRows)],
  integerTruncation: (spelling) => [
    ...INTEGER_CUTS.map((cut) => thenApply(spelling, (result) => mapValues(result, cut))),
    // a per-channel helper returning integers sums already-cut parts
    ...(spelling.problem.features.shape[0] === 1 ? [] : INTEGER_CUTS.map((cutPart) => withChanges(spelling, { cutPart }))),
  ],
} satisfies Partial<Record<keyof typeof MISTAKES, TMistakeRule>>;

/** Holds the place of a spelling that gives nothing on this case: never telling, it explains nothing. */
const NO_CANDIDATE = createNdArray([0]);

const RULE_ORDER = Object.keys(RULES) as (keyof typeof RULES)[];

export type TConvMistake = keyof typeof RULES | "python2Division";

function isErrorMistake(mistake: TConvMistake): mistake is "python2Division" {
  return mistake === "python2Division";
}

/**
 * A problem's solution with no option changed, shared by every spelling that only acts on the
 * result (a transposed, cropped or integer-cut output...): about a third of a case's spellings,
 * which would otherwise each solve the same problem again. The after-steps never write to it.
 */
const solvedAsGiven = new WeakMap<TConvProblem, NdArray | null>();

function solveSpelling(spelling: TSpelling, toOutput: (channels: NdArray) => NdArray): NdArray | null {
  if (spelling.isVoid) return null;
  const isAsGiven = Object.keys(spelling.changes).length === 0;
  if (isAsGiven && !solvedAsGiven.has(spelling.problem)) solvedAsGiven.set(spelling.problem, solveConvProblem(spelling.problem));
  const solved = isAsGiven ? solvedAsGiven.get(spelling.problem)! : solveConvProblem(spelling.problem, spelling.changes);
  let result: NdArray | null = solved && toOutput(solved);
  for (const step of spelling.after) result = result && step(result);
  return result;
}

function buildVariant<TInput>(
  rules: readonly (keyof typeof RULES)[],
  toProblem: (input: TInput) => TConvProblem,
  toOutput: (channels: NdArray) => NdArray,
): (input: TInput) => NdArray[] {
  return (input) => {
    let spellings: TSpelling[] = [{ problem: toProblem(input), changes: {}, after: [] }];
    const ordered = [...rules].sort((a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b));
    for (const rule of ordered) spellings = spellings.flatMap((spelling) => (RULES[rule] as TMistakeRule)(spelling, rules.length > 1));
    return spellings.map((spelling) => solveSpelling(spelling, toOutput) ?? NO_CANDIDATE);
  };
}

/**
 * The mistakes real code most often makes together with another: each paired with every other
 * catalog mistake. Pairing everything with everything would multiply the chances of a coincidence.
 */
const COMPOUND_CORES: readonly TConvMistake[] = ["flippedKernel", "strideIgnored", "paddingIgnored", "sameSizeOutput", "squareAssumed", "outputSizeCeil"];

function pairWithCores(mistakes: readonly TConvMistake[]): (readonly [keyof typeof RULES, keyof typeof RULES])[] {
  // integer cuts collapse values, so a compound with them matches by coincidence; an integer
  // array is already compared with every variant cut to integers
  const combinable = mistakes.filter(
    (mistake): mistake is keyof typeof RULES => !isErrorMistake(mistake) && mistake !== "integerTruncation",
  );
  return combinable.flatMap((first, i) =>
    combinable
      .slice(i + 1)
      .filter((second) => COMPOUND_CORES.includes(first) || COMPOUND_CORES.includes(second))
      .map((second) => [first, second] as const),
  );
}

/**
 * The variants for the listed mistakes, in that order (the order breaks ties in diagnosis), then
 * each compound of a common mistake (COMPOUND_CORES) with another listed one. `toOutput` turns the (C_out, H_out, W_out) result
 * into the exercise's output shape.
 */
export function buildConvVariants<TInput extends object>(
  mistakes: readonly TConvMistake[],
  toProblemAnew: (input: TInput) => TConvProblem,
  toOutput: (channels: NdArray) => NdArray,
): TVariant<TInput>[] {
  // one problem object per case, so the variants of a case share its solutions (solvedAsGiven)
  const problems = new WeakMap<TInput, TConvProblem>();
  const toProblem = (input: TInput) => {
    if (!problems.has(input)) problems.set(input, toProblemAnew(input));
    return problems.get(input)!;
  };
  const singles = mistakes.map((mistake): TVariant<TInput> => {
    if (isErrorMistake(mistake)) return python2DivisionVariant<TInput>();
    const candidates = buildVariant([mistake], toProblem, toOutput);
    return {
      ...MISTAKES[mistake],
      candidates: (input) => candidates(input),
      ...(mistake === "integerTruncation" ? { isShownByDtype: isIntegerDtype } : {}),
    };
  });
  const combined = pairWithCores(mistakes).map(([first, second]): TVariant<TInput> => {
    const parts = [MISTAKES[first], MISTAKES[second]];
    const candidates = buildVariant([first, second], toProblem, toOutput);
    return {
      code: parts.map((part) => part.code).join("+"),
      parts,
      candidates: (input) => candidates(input),
    };
  });
  return [...singles, ...combined];
}


/** The mistakes both single-channel convolution exercises can make, with their demonstrating buggy/ files (convolution-v2 adds its own). */
export const CONV_CATALOG = [
  { variant: "flippedKernel", code: "flipped-kernel", demonstratedBy: "buggy/flipped-kernel.py" },
  { variant: "strideIgnored", code: "stride-ignored", demonstratedBy: "buggy/stride-ignored.py" },
  { variant: "paddingIgnored", code: "padding-ignored", demonstratedBy: "buggy/padding-ignored.py" },
  { variant: "oneSidedPadding", code: "one-sided-padding", demonstratedBy: "buggy/one-sided-padding.py" },
  { variant: "outputSizeCeil", code: "output-size-ceil", demonstratedBy: "buggy/output-size-ceil.py" },
  { variant: "outputTransposed", code: "output-transposed", demonstratedBy: "buggy/output-transposed.py" },
  { variant: "integerTruncation", code: "integer-truncation", demonstratedBy: "buggy/integer-truncation.py" },
  { variant: "unpaddedLoopBounds", code: "unpadded-loop-bounds", demonstratedBy: "buggy/unpadded-loop-bounds.py" },
  { variant: "windowStartIndex", code: "window-start-index", demonstratedBy: "buggy/window-start-index.py" },
  { variant: "squareAssumed", code: "square-assumed", demonstratedBy: "buggy/square-assumed.py" },
  { variant: "outputSizeRound", code: "output-size-round", demonstratedBy: "buggy/output-size-round.py" },
  { variant: "im2colRowIndex", code: "im2col-row-index", demonstratedBy: "buggy/im2col-row-index.py" },
  { variant: "integerInputBuffer", code: "integer-input-buffer", demonstratedBy: "buggy/integer-input-buffer.py" },
  { variant: "python2Division", code: "python2-division", demonstratedBy: "buggy/python2-division.py" },
  { variant: "sameSizeOutput", code: "same-size-output", demonstratedBy: "buggy/same-size-output.py" },
] as const satisfies readonly { variant: TConvMistake; code: string; demonstratedBy: string }[];

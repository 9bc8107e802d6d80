// The mistakes the grader can name (their sentences are in src/i18n/exercise-feedback.ts).
// Exercises pick from this table; a mistake specific to one exercise may also be defined in its folder.
import type { TMistake } from "./exercise-definition";

export const MISTAKES = {
  flippedKernel: { code: "flipped-kernel", text: "mistake.flippedKernel" },
  strideIgnored: { code: "stride-ignored", text: "mistake.strideIgnored" },
  paddingIgnored: { code: "padding-ignored", text: "mistake.paddingIgnored" },
  oneSidedPadding: { code: "one-sided-padding", text: "mistake.oneSidedPadding" },
  outputSizeCeil: { code: "output-size-ceil", text: "mistake.outputSizeCeil" },
  outputTransposed: { code: "output-transposed", text: "mistake.outputTransposed" },
  channelsNotSummed: { code: "channels-not-summed", text: "mistake.channelsNotSummed" },
  channelsAveraged: { code: "channels-averaged", text: "mistake.channelsAveraged" },
  weightsInOut: { code: "weights-in-out", text: "mistake.weightsInOut" },
  integerTruncation: { code: "integer-truncation", text: "mistake.integerTruncation" },
  hwSwapped: { code: "hw-swapped", text: "mistake.hwSwapped" },
  poolPaddingIgnored: { code: "padding-ignored", text: "mistake.poolPaddingIgnored" },
  poolOutputSizeCeil: { code: "output-size-ceil", text: "mistake.poolOutputSizeCeil" },
  paddingAsZero: { code: "padding-as-zero", text: "mistake.paddingAsZero" },
  paddingExcluded: { code: "padding-excluded", text: "mistake.paddingExcluded" },
  strideDefaultOne: { code: "stride-default-one", text: "mistake.strideDefaultOne" },
  unpaddedLoopBounds: { code: "unpadded-loop-bounds", text: "mistake.unpaddedLoopBounds" },
  windowStartIndex: { code: "window-start-index", text: "mistake.windowStartIndex" },
  squareAssumed: { code: "square-assumed", text: "mistake.squareAssumed" },
  channelsLast: { code: "channels-last", text: "mistake.channelsLast" },
  outputSizeRound: { code: "output-size-round", text: "mistake.outputSizeRound" },
  im2colRowIndex: { code: "im2col-row-index", text: "mistake.im2colRowIndex" },
  integerInputBuffer: { code: "integer-input-buffer", text: "mistake.integerInputBuffer" },
  python2Division: { code: "python2-division", text: "mistake.python2Division" },
  sameSizeOutput: { code: "same-size-output", text: "mistake.sameSizeOutput" },
  tupleArgumentUnsupported: { code: "tuple-argument-unsupported", text: "mistake.tupleArgumentUnsupported" },
} satisfies Record<string, TMistake>;

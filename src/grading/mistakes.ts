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
} satisfies Record<string, TMistake>;

// The mistakes the grader can name on avg-pool2d: the variant that reproduces each one (see
// src/grading/pool-variants.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import type { TPoolMistake } from "@/grading/pool-variants";

export const catalog = [
  { variant: "paddingExcluded", code: "padding-excluded", demonstratedBy: "buggy/padding-excluded.py" },
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

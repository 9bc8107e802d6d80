// The mistakes the grader can name on convolution: the variant that reproduces each one (see
// src/grading/conv-variants.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import type { TConvMistake } from "@/grading/conv-variants";

export const catalog = [
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

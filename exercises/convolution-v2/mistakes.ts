// The mistakes the grader can name on convolution-v2: the variant that reproduces each one (see
// src/grading/conv-variants.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import { CONV_CATALOG, type TConvMistake } from "@/grading/conv-variants";

export const catalog = [
  ...CONV_CATALOG,
  // Its own: padding and stride given as (height, width) pairs, read the other way round.
  { variant: "hwSwapped", code: "hw-swapped", demonstratedBy: "buggy/hw-swapped.py" },
] as const satisfies readonly { variant: TConvMistake; code: string; demonstratedBy: string }[];

// The mistakes the grader can name on convolution: the variant that reproduces each one (see
// src/grading/conv-variants.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import { CONV_CATALOG, type TConvMistake } from "@/grading/conv-variants";

export const catalog = [...CONV_CATALOG] as const satisfies readonly { variant: TConvMistake; code: string; demonstratedBy: string }[];

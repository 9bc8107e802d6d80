// The mistakes the grader can name on conv2d-backward: the variant that reproduces each one (see
// src/grading/gradient-exercise.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import { GRADIENT_CATALOG, type TGradientMistake } from "@/grading/gradient-exercise";

export const catalog = [
  { variant: "backwardKernelFlipped", code: "kernel-flipped", demonstratedBy: "buggy/kernel-flipped.py" },
  { variant: "dweightsInOut", code: "dweights-in-out", demonstratedBy: "buggy/dweights-in-out.py" },
  ...GRADIENT_CATALOG,
] as const satisfies readonly { variant: TGradientMistake; code: string; demonstratedBy: string }[];

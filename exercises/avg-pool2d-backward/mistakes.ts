// The mistakes the grader can name on avg-pool2d-backward: the variant that reproduces each one (see
// src/grading/gradient-exercise.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import type { TGradientMistake } from "@/grading/gradient-exercise";

export const catalog = [
  { variant: "divisorRealCells", code: "divisor-real-cells", demonstratedBy: "buggy/divisor-real-cells.py" },
  { variant: "overlapsOverwritten", code: "overlaps-overwritten", demonstratedBy: "buggy/overlaps-overwritten.py" },
  { variant: "paddingNotCropped", code: "padding-not-cropped", demonstratedBy: "buggy/padding-not-cropped.py" },
  { variant: "backwardStrideIgnored", code: "stride-ignored", demonstratedBy: "buggy/stride-ignored.py" },
] as const satisfies readonly { variant: TGradientMistake; code: string; demonstratedBy: string }[];

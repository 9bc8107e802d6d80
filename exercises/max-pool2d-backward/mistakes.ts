// The mistakes the grader can name on max-pool2d-backward: the variant that reproduces each one (see
// src/grading/gradient-exercise.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import { GRADIENT_CATALOG, type TGradientMistake } from "@/grading/gradient-exercise";

export const catalog = [
  { variant: "maxGradientToTies", code: "gradient-to-every-max", demonstratedBy: "buggy/gradient-to-every-max.py" },
  { variant: "lastMaxWins", code: "last-max-wins", demonstratedBy: "buggy/last-max-wins.py" },
  { variant: "maxGradientToWindow", code: "gradient-to-whole-window", demonstratedBy: "buggy/gradient-to-whole-window.py" },
  ...GRADIENT_CATALOG,
] as const satisfies readonly { variant: TGradientMistake; code: string; demonstratedBy: string }[];

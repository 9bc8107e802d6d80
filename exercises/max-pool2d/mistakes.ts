// The mistakes the grader can name on max-pool2d: the variant that reproduces each one (see
// src/grading/pool-variants.ts) and the buggy/ file that demonstrates it. The text is in src/grading/mistakes.ts.
import { POOL_CATALOG, type TPoolMistake } from "@/grading/pool-variants";

export const catalog = [
  { variant: "paddingAsZero", code: "padding-as-zero", demonstratedBy: "buggy/padding-as-zero.py" },
  ...POOL_CATALOG,
] as const satisfies readonly { variant: TPoolMistake; code: string; demonstratedBy: string }[];

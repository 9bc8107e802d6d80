// The mistakes the grader can name on conv-layer-shapes, each with the buggy/ file that demonstrates it.
import type { TMistake } from "@/grading/exercise-definition";

export const CONV_LAYER_SHAPES_MISTAKES = {
  poolStrideOne: { code: "pool-stride-one", text: "conv-layer-shapes.mistake.poolStrideOne" },
  flattenBatch: { code: "flatten-batch", text: "conv-layer-shapes.mistake.flattenBatch" },
  formulaCeil: { code: "formula-ceil", text: "conv-layer-shapes.mistake.formulaCeil" },
} satisfies Record<string, TMistake>;

export const catalog = [
  { code: "pool-stride-one", demonstratedBy: "buggy/pool-stride-one.py" },
  { code: "flatten-batch", demonstratedBy: "buggy/flatten-batch.py" },
  { code: "formula-ceil", demonstratedBy: "buggy/formula-ceil.py" },
] as const;

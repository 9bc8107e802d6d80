// The mistakes the grader can name on build-cnn, each with the buggy/ file that demonstrates it.
import type { TMistake } from "@/grading/exercise-definition";

export const BUILD_CNN_MISTAKES = {
  reluMissing: { code: "relu-missing", text: "build-cnn.mistake.reluMissing" },
  poolMissing: { code: "pool-missing", text: "build-cnn.mistake.poolMissing" },
  flattenOrder: { code: "flatten-order", text: "build-cnn.mistake.flattenOrder" },
  paddingMissing: { code: "padding-missing", text: "build-cnn.mistake.paddingMissing" },
  softmaxInForward: { code: "softmax-in-forward", text: "build-cnn.mistake.softmaxInForward" },
} satisfies Record<string, TMistake>;

export const catalog = [
  { code: "relu-missing", demonstratedBy: "buggy/relu-missing.py" },
  { code: "pool-missing", demonstratedBy: "buggy/pool-missing.py" },
  { code: "flatten-order", demonstratedBy: "buggy/flatten-order.py" },
  { code: "padding-missing", demonstratedBy: "buggy/padding-missing.py" },
  { code: "softmax-in-forward", demonstratedBy: "buggy/softmax-in-forward.py" },
] as const;

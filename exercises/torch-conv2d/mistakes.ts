// The mistakes the grader can name on torch-conv2d, each with the buggy/ file that demonstrates
// it: the slips of moving from numpy to F.conv2d (batch axis, dtypes, weight layout).
import type { TMistake } from "@/grading/exercise-definition";
import { MISTAKES } from "@/grading/mistakes";

export const TORCH_CONV2D_MISTAKES = {
  batchAxisKept: { code: "batch-axis-kept", text: "torch-conv2d.mistake.batchAxisKept" },
  firstChannelOnly: { code: "first-channel-only", text: "torch-conv2d.mistake.firstChannelOnly" },
  dtypeMismatch: { code: "dtype-mismatch", text: "torch-conv2d.mistake.dtypeMismatch" },
  weightsInOut: MISTAKES.weightsInOut,
} satisfies Record<string, TMistake>;

export const catalog = [
  { code: "batch-axis-kept", demonstratedBy: "buggy/batch-axis-kept.py" },
  { code: "first-channel-only", demonstratedBy: "buggy/first-channel-only.py" },
  { code: "dtype-mismatch", demonstratedBy: "buggy/dtype-mismatch.py" },
  { code: "weights-in-out", demonstratedBy: "buggy/weights-in-out.py" },
] as const;

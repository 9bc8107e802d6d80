// The mistakes the grader can name on cnn-forward (variants in reference.ts) and the buggy/ file
// that demonstrates each one.

export const catalog = [
  { code: "flipped-kernel", demonstratedBy: "buggy/flipped-kernel.py" },
  { code: "conv-bias-missing", demonstratedBy: "buggy/conv-bias-missing.py" },
  { code: "relu-missing", demonstratedBy: "buggy/relu-missing.py" },
  { code: "avg-pool-instead-of-max", demonstratedBy: "buggy/avg-pool-instead-of-max.py" },
  { code: "flatten-channels-last", demonstratedBy: "buggy/flatten-channels-last.py" },
  { code: "softmax-applied", demonstratedBy: "buggy/softmax-applied.py" },
] as const;

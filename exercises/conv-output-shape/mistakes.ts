// The mistakes the grader can name on conv-output-shape (variants in reference.ts) and the buggy/ file
// that demonstrates each one.

export const catalog = [
  { code: "formula-without-plus-one", demonstratedBy: "buggy/formula-without-plus-one.py" },
  { code: "output-size-ceil", demonstratedBy: "buggy/output-size-ceil.py" },
  { code: "padding-counted-once", demonstratedBy: "buggy/padding-counted-once.py" },
  { code: "in-channels-kept", demonstratedBy: "buggy/in-channels-kept.py" },
  { code: "float-division", demonstratedBy: "buggy/float-division.py" },
  { code: "hw-swapped", demonstratedBy: "buggy/hw-swapped.py" },
] as const;

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { diagnoseMistakes } from "./diagnose";
import { defineExercise } from "./exercise-definition";
import { createNdArray, mapValues, type NdArray } from "./ndarray";
import { returnedArray } from "./test-helpers";

// A toy exercise: the reference doubles its input. Mistakes: "identity" returns the input,
// "plus-one" adds one, "three" always returns 3 (which coincides with plus-one when the input is 2).
const toy = defineExercise<NdArray, Record<string, never>>({
  output: "floats",
  generatorSchema: z.strictObject({}),
  edgeCases: [1, 2, 3, 4, 5, 6].map((value) => ({ name: `x=${value}`, nameZh: `x 等于 ${value}`, input: createNdArray([1], [value]) })),
  generateRandomInput: () => createNdArray([1], [0]),
  toRunnerCase: (input) => ({ args: [input] }),
  describe: () => ({}),
  reference: (input) => mapValues(input, (value) => 2 * value),
  variants: [
    { code: "identity", message: "identity", messageZh: "恒等", candidates: (input) => [input] },
    { code: "plus-one", message: "plus one", messageZh: "加一", candidates: (input) => [mapValues(input, (value) => value + 1)] },
    { code: "three", message: "three", messageZh: "三", candidates: () => [createNdArray([1], [3])] },
    {
      code: "integer-output",
      message: "ints",
      messageZh: "整数",
      candidates: () => [],
      isShownByDtype: (dtype) => dtype === "int64",
    },
  ],
  catalog: ["identity", "plus-one", "three", "integer-output"].map((code) => ({ code, demonstratedBy: `buggy/${code}.py` })),
});
const cases = toy.buildCases({ seed: 0, count: 0, generator: {} });
const tolerance = { rtol: 1e-6, atol: 1e-6 };

describe("diagnoseMistakes", () => {
  it("ranks the mistake explaining most failing cases first and drops rare coincidences", () => {
    // x + 1 equals 2x when x = 1, so that case passes; at x = 2 it also equals "three"
    const failures = cases.slice(1).map((gradingCase) => ({
      gradingCase,
      returned: returnedArray(mapValues(gradingCase.expected, (value) => value / 2 + 1)),
    }));
    const diagnoses = diagnoseMistakes(failures, tolerance);
    expect(diagnoses.map((diagnosis) => diagnosis.code)).toEqual(["plus-one"]);
    expect(diagnoses[0]).toMatchObject({ message: "plus one", messageZh: "加一", cases: ["x=2", "x=3", "x=4", "x=5", "x=6"] });
  });

  it("keeps a second mistake that explains at least half as many cases", () => {
    // plus-one on x = 3, 4 and identity on x = 5, 6: no output equals 3, so "three" stays out
    const failures = cases.slice(2).map((gradingCase, i) => ({
      gradingCase,
      returned: returnedArray(mapValues(gradingCase.expected, (value) => (i < 2 ? value / 2 + 1 : value / 2))),
    }));
    expect(diagnoseMistakes(failures, tolerance).map((diagnosis) => diagnosis.code)).toEqual(["identity", "plus-one"]);
  });

  it("recognises a mistake from the dtype alone and names nothing for unexplained outputs", () => {
    const asInts = [{ gradingCase: cases[2], returned: returnedArray(createNdArray([1], [99]), "int64") }];
    expect(diagnoseMistakes(asInts, tolerance).map((diagnosis) => diagnosis.code)).toEqual(["integer-output"]);
    const unexplained = [{ gradingCase: cases[2], returned: returnedArray(createNdArray([1], [99])) }];
    expect(diagnoseMistakes(unexplained, tolerance)).toEqual([]);
    const notArray = [{ gradingCase: cases[2], returned: { kind: "other" as const, pyType: "NoneType", description: "None" } }];
    expect(diagnoseMistakes(notArray, tolerance)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { diagnoseMistakes, type TObservedCase } from "./diagnose";
import { defineExercise, type TVariant } from "./exercise-definition";
import { createFilled, createNdArray, mapValues, type NdArray } from "./ndarray";
import { message, type TMessageCode } from "./result-format";
import { returnedArray } from "./test-helpers";

// A toy exercise: the reference doubles its input [x, x + 1, x + 3]. Mistakes: "identity" returns
// the input (a trivial output: never telling), "plus-one" adds one, "zeros" returns zeros (trivial),
// "halved" halves the doubled value, "integer-output" shows in the dtype, "tuple-call" in the error
// a call with a tuple raised; "plus-one+halved" is their compound. (Their sentences are borrowed
// from the real table: only the codes, and the params a call mistake's message takes, matter here.)
const plusOne = (input: NdArray) => mapValues(input, (value) => 2 * value + 1);
const TEXTS: Record<string, TMessageCode> = {
  identity: "mistake.flippedKernel",
  "plus-one": "mistake.strideIgnored",
  zeros: "mistake.paddingIgnored",
  halved: "mistake.channelsAveraged",
  "integer-output": "mistake.integerTruncation",
  "tuple-call": "mistake.tupleArgumentUnsupported",
};
const described = (code: string) => ({ code, text: TEXTS[code] });
const variants: TVariant<NdArray>[] = [
  { ...described("identity"), candidates: (input) => [input] },
  { ...described("plus-one"), candidates: (input) => [plusOne(input)] },
  { ...described("zeros"), candidates: (input) => [createFilled(input.shape, 0)] },
  { ...described("halved"), candidates: (input) => [mapValues(input, (value) => value / 2)] },
  { ...described("integer-output"), candidates: () => [], isShownByDtype: (dtype) => dtype === "int64" },
  {
    ...described("tuple-call"),
    candidates: () => [],
    needsContrast: true,
    isShownByError: (raised, input) => (input.data[0] > 4 ? raised !== null : null),
    describeEvidence: (raised) => ({ error: raised.type }),
  },
  {
    code: "plus-one+halved",
    parts: [described("plus-one"), described("halved")],
    candidates: (input) => [mapValues(plusOne(input), (value) => value / 4)],
  },
];
const toy = defineExercise<NdArray, Record<string, never>>({
  output: "floats",
  generatorSchema: z.strictObject({}),
  edgeCases: [1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({
    name: `x=${value}`,
    title: "caseRandom" as const,
    input: createNdArray([3], [value + 0.25, value + 1.5, value + 3]),
  })),
  generateRandomInput: () => createNdArray([3], [0, 0, 0]),
  toRunnerCase: (input) => ({ args: [input] }),
  describe: () => ({}),
  reference: (input) => mapValues(input, (value) => 2 * value),
  variants,
  catalog: ["identity", "plus-one", "zeros", "halved", "integer-output", "tuple-call"].map((code) => ({ code, demonstratedBy: `buggy/${code}.py` })),
});
const cases = toy.buildCases({ seed: 0, count: 0, generator: {} });
const tolerance = { rtol: 1e-6, atol: 1e-6 };
const input = (i: number) => cases[i].runnerCase.args[0] as NdArray;
const student = (answer: (input: NdArray, i: number) => NdArray, dtype = "float64"): TObservedCase[] =>
  cases.map((gradingCase, i) => ({ gradingCase, returned: returnedArray(answer(input(i), i), dtype) }));
const codes = (observed: TObservedCase[]) => diagnoseMistakes(observed, tolerance).map((diagnosis) => diagnosis.code);

describe("diagnoseMistakes", () => {
  it("names a mistake that explains its telling cases, with how sure it is", () => {
    const diagnoses = diagnoseMistakes(student(plusOne), tolerance);
    expect(diagnoses).toEqual([
      { code: "plus-one", message: message("mistake.strideIgnored"), cases: cases.map((gradingCase) => gradingCase.name), explained: 8, telling: 8 },
    ]);
  });

  it("never names a mistake from trivial outputs: zeros or the input itself", () => {
    expect(codes(student((x) => createFilled(x.shape, 0)))).toEqual([]);
    expect(codes(student((x) => x))).toEqual([]);
  });

  it("counts passing cases where the mistake would have shown against it", () => {
    // plus-one on two cases, right on the six others: a coincidence, not a habit
    expect(codes(student((x, i) => (i < 2 ? plusOne(x) : mapValues(x, (value) => 2 * value))))).toEqual([]);
    // on five cases of eight it is named, and says so
    const diagnoses = diagnoseMistakes(student((x, i) => (i < 5 ? plusOne(x) : mapValues(x, (value) => 2 * value))), tolerance);
    expect(diagnoses.map(({ code, explained, telling }) => ({ code, explained, telling }))).toEqual([
      { code: "plus-one", explained: 5, telling: 8 },
    ]);
  });

  it("finds both mistakes of a compound when no single one explains the cases", () => {
    expect(codes(student((x) => mapValues(plusOne(x), (value) => value / 4)))).toEqual(["plus-one", "halved"]);
  });

  it("recognises integers from the dtype and still names the mistake behind the integer values", () => {
    expect(codes(student((x) => mapValues(x, (value) => Math.trunc(2 * value)), "int64"))).toEqual(["integer-output"]);
    expect(codes(student((x) => mapValues(plusOne(x), Math.trunc), "int64"))).toEqual(["plus-one", "integer-output"]);
  });

  it("names a call mistake only when the calls that cannot show it did not raise the same error", () => {
    const raised = { type: "TypeError", message: "unsupported operand", traceback: "", line: 3 };
    const onTuples: TObservedCase[] = cases.map((gradingCase, i) =>
      input(i).data[0] > 4 ? { gradingCase, raised } : { gradingCase, returned: returnedArray(gradingCase.expected) },
    );
    const [diagnosis] = diagnoseMistakes(onTuples, tolerance);
    expect(diagnosis).toMatchObject({ code: "tuple-call", explained: 5, telling: 5 });
    // the evidence is a param of the message, worded by the table in each language
    expect(diagnosis.message).toEqual(message("mistake.tupleArgumentUnsupported", { error: "TypeError" }));
    const everywhere = cases.map((gradingCase) => ({ gradingCase, raised }));
    expect(codes(everywhere)).toEqual([]);
  });

  it("names nothing for outputs no known mistake explains, nor for a value that is not an array", () => {
    expect(codes(student((x) => mapValues(x, (value) => value + 7)))).toEqual([]);
    const notArray = [{ gradingCase: cases[2], returned: { kind: "other" as const, pyType: "NoneType", form: { kind: "none" as const } } }];
    expect(codes(notArray)).toEqual([]);
  });
});

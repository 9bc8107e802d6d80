import { describe, expect, it } from "vitest";
import { EXERCISE_DEFINITIONS } from "@exercises/index";
import { HEATMAP_MAX_SIDE, judgeCase, toHeatmap } from "./case-feedback";
import { readExerciseMeta } from "./exercise-files";
import { createNdArray, ravelIndex, swapLastTwoAxes } from "./ndarray";
import { MAX_MESSAGE_LENGTH } from "./result-schema";
import { fromNested, getAt, returnedArray, returnedOutcome } from "./test-helpers";

async function loadEdgeCase(slug: string, name: string) {
  const meta = await readExerciseMeta(slug);
  const cases = EXERCISE_DEFINITIONS[slug].buildCases({ seed: 1, count: 0, generator: meta.cases.generator });
  return { gradingCase: cases.find((entry) => entry.name === name)!, tolerance: meta.tolerance };
}

describe("judgeCase on conv2d", async () => {
  // features (3, 5, 7), weights (3, 3, 3, 3), padding 1, stride 1
  const { gradingCase, tolerance } = await loadEdgeCase("conv2d", "as many output channels as input channels");
  const judge = (outcome: Parameters<typeof judgeCase>[0]["outcome"]) =>
    judgeCase({ gradingCase, outcome, points: 2, tolerance, output: "floats" });

  it("passes the reference output itself", () => {
    const { result, wrongReturn } = judge(returnedOutcome(gradingCase.expected));
    expect(result).toMatchObject({ passed: true, points: 2, detail: null });
    expect(wrongReturn).toBeNull();
  });

  it("names the first wrong cell, its value and its input window, and draws the planes around it", () => {
    const actual = createNdArray(gradingCase.expected.shape, gradingCase.expected.data);
    const at = ravelIndex([1, 2, 3], actual.shape);
    actual.data[at] += 1;
    const { result, wrongReturn } = judge(returnedOutcome(actual));
    expect(result.passed).toBe(false);
    expect(wrongReturn).not.toBeNull();
    expect(result.message).toMatch(/^features\.shape=\(3, 5, 7\), weights\.shape=\(3, 3, 3, 3\), padding=1, stride=1: /);
    expect(result.message).toContain("output[1, 2, 3] is wrong");
    expect(result.message).toContain("rows 2:5, columns 3:6 of every zero-padded input channel");
    const detail = result.detail!;
    expect(detail.firstWrong).toEqual({
      index: [1, 2, 3],
      expected: getAt(gradingCase.expected, [1, 2, 3]),
      actual: getAt(actual, [1, 2, 3]),
      window: { rows: [2, 5], cols: [3, 6], channel: null },
    });
    expect(detail.expected).toMatchObject({ label: "expected[1]", channel: 1, rowOffset: 0, colOffset: 0 });
    expect(detail.actual!.values[2][3]).toBe(getAt(actual, [1, 2, 3]));
    expect(detail.input.map((heatmap) => [heatmap.channel, heatmap.values.length, heatmap.values[0].length])).toEqual([
      [0, 7, 9],
      [1, 7, 9],
      [2, 7, 9],
    ]);
    expect(detail.input[0].values[0][0]).toBe(0);
    expect(detail.inputPadding).toEqual({ rows: 1, cols: 1 });
    expect(detail.maxError).toBeCloseTo(1, 9);
  });

  it("encodes NaN so the detail survives JSON", () => {
    const actual = createNdArray(gradingCase.expected.shape, gradingCase.expected.data);
    actual.data[0] = NaN;
    const { result } = judge(returnedOutcome(actual));
    expect(result.message).toContain("got nan");
    expect(result.detail!.firstWrong!.actual).toBe("NaN");
    expect(result.detail!.maxError).toBe("Infinity");
    expect(JSON.parse(JSON.stringify(result)).detail.actual.values[0][0]).toBe("NaN");
  });

  it("names both shapes when the shape is wrong, and still draws what the student returned", () => {
    const { result } = judge(returnedOutcome(swapLastTwoAxes(gradingCase.expected)));
    expect(result.message).toContain("Wrong shape: expected (3, 5, 7), got (3, 7, 5).");
    expect(result.detail).toMatchObject({ firstWrong: null, maxError: null, expectedShape: [3, 5, 7], actualShape: [3, 7, 5] });
    expect(result.detail!.actual!.values.length).toBe(7);
  });

  it("reports exceptions with their line, and cases that never ran", () => {
    const raised = judge({
      status: "raised",
      error: { type: "IndexError", message: "index 3 is out of bounds", traceback: "", line: 12 },
      timeMs: 0.2,
      stdout: "",
    }).result;
    expect(raised.message).toContain("Raised IndexError at line 12: index 3 is out of bounds");
    expect(raised.detail).toBeNull();
    const notRun = judge({ status: "not-run" }).result;
    expect(notRun).toMatchObject({ passed: false, timeMs: null });
  });

  it("caps long messages", () => {
    const error = { type: "ValueError", message: "x".repeat(5000), traceback: "", line: null };
    const { result } = judge({ status: "raised", error, timeMs: 1, stdout: "" });
    expect(result.message.length).toBe(MAX_MESSAGE_LENGTH);
  });

  it("describes a non-array return", () => {
    const { result } = judge(returnedOutcome({ kind: "other", pyType: "NoneType", description: "None" }));
    expect(result.message).toContain("Returned None; expected an array of shape (3, 5, 7).");
  });
});

describe("judgeCase on an int output", async () => {
  const { gradingCase, tolerance } = await loadEdgeCase("conv-output-shape", "stride 2 with padding 1");

  it("asks for ints when the sizes are floats", () => {
    const floats = returnedArray(fromNested([8, 16, 16.5, 16.5]), "float64", "tuple");
    const { result } = judgeCase({ gradingCase, outcome: returnedOutcome(floats), points: 1, tolerance, output: "ints" });
    expect(result.message).toContain("Got (8.0, 16.0, 16.5, 16.5). Each size must be an int");
    expect(result.message).toContain("Expected (8, 16, 16, 16).");
    expect(result.detail).toBeNull();
  });
});

describe("toHeatmap", () => {
  it("crops large planes around the focus and records the offset", () => {
    const plane = createNdArray([40, 10], Array.from({ length: 400 }, (_, i) => i));
    const heatmap = toHeatmap("x", null, plane, [35, 2]);
    expect(heatmap.rowOffset).toBe(40 - HEATMAP_MAX_SIDE);
    expect(heatmap.colOffset).toBe(0);
    expect(heatmap.values.length).toBe(HEATMAP_MAX_SIDE);
    expect(heatmap.values[35 - heatmap.rowOffset][2]).toBe(352);
  });
});

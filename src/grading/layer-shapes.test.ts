import { describe, expect, it } from "vitest";
import { EXERCISE_DEFINITIONS } from "@exercises/index";
import { judgeCase } from "./case-feedback";
import { readExerciseMeta } from "./exercise-files";
import { createNdArray } from "./ndarray";
import { compareLayerShapes, LAYER_KIND } from "./layer-shapes";
import { inChinese, inEnglish, returnedArray, returnedOutcome } from "./test-helpers";

const { conv, pool, flatten, linear } = LAYER_KIND;
const table = (rows: number[][]) => createNdArray([rows.length, 5], rows.flat());
const EXPECTED = table([
  [conv, 2, 16, 28, 28],
  [pool, 2, 16, 14, 14],
  [flatten, 2, 3136, 0, 0],
  [linear, 2, 10, 0, 0],
]);
const readable = (shapes: ReturnType<typeof compareLayerShapes>) =>
  shapes.rows.map(({ expected, actual }) => [expected && [inEnglish(expected.layer), expected.shape], actual && [inEnglish(actual.layer), actual.shape]]);

describe("compareLayerShapes", () => {
  it("names each layer and drops the zeros that pad shorter shapes", () => {
    const shapes = compareLayerShapes(EXPECTED, returnedArray(EXPECTED));
    expect(shapes.firstDifferent).toBeNull();
    expect(readable(shapes)[2]).toEqual([["flatten", [2, 3136]], ["flatten", [2, 3136]]]);
    expect(inChinese(shapes.rows[0].expected!.layer)).toBe("卷积层");
  });

  it("marks the first row whose shape differs", () => {
    const actual = table([
      [conv, 2, 16, 24, 24],
      [pool, 2, 16, 12, 12],
      [flatten, 2, 2304, 0, 0],
    ]);
    const shapes = compareLayerShapes(EXPECTED, returnedArray(actual));
    expect(shapes.firstDifferent).toBe(0);
    // the student's table stopped where the linear layer refused its input
    expect(readable(shapes)[3]).toEqual([["linear", [2, 10]], null]);
  });

  it("marks a layer of another kind even when its shape is the expected one", () => {
    const actual = table([
      [conv, 2, 16, 28, 28],
      [conv, 2, 16, 14, 14],
      [flatten, 2, 3136, 0, 0],
      [linear, 2, 10, 0, 0],
    ]);
    expect(compareLayerShapes(EXPECTED, returnedArray(actual)).firstDifferent).toBe(1);
  });

  it("shows no row of the student's when the case did not return a table", () => {
    const shapes = compareLayerShapes(EXPECTED, null);
    expect(shapes.firstDifferent).toBe(0);
    expect(shapes.rows.every((row) => row.actual === null)).toBe(true);
    expect(compareLayerShapes(EXPECTED, returnedArray({ shape: [3], data: [1, 2, 3] })).rows[0].actual).toBeNull();
    expect(compareLayerShapes(EXPECTED, returnedArray({ shape: [0], data: [] })).firstDifferent).toBe(0);
  });
});

describe("a layer-shape table case of build-cnn", async () => {
  const meta = await readExerciseMeta("build-cnn");
  const cases = EXERCISE_DEFINITIONS["build-cnn"].buildCases({ seed: 1, count: 1, generator: meta.cases.generator });
  const judge = (name: string, value: Parameters<typeof returnedOutcome>[0]) => {
    const gradingCase = cases.find((entry) => entry.name === name)!;
    return judgeCase({ gradingCase, outcome: returnedOutcome(value), points: 2, tolerance: meta.tolerance, output: "floats" }).result;
  };

  it("carries the table whether the case passes or not; other cases carry none", () => {
    const layersCase = cases.find((entry) => entry.name === "the shape after each layer")!;
    const passed = judge("the shape after each layer", layersCase.expected);
    expect(passed.passed).toBe(true);
    expect(passed.layerShapes?.rows.map((row) => inEnglish(row.expected!.layer))).toEqual([
      "convolution",
      "max-pool",
      "convolution",
      "max-pool",
      "flatten",
      "linear",
    ]);
    const failed = judge("the shape after each layer", createNdArray([1, 5], [conv, 7, 16, 24, 24]));
    expect(failed).toMatchObject({ passed: false, layerShapes: { firstDifferent: 0 } });
    const forward = cases.find((entry) => entry.name === "a batch of one image")!;
    expect(judge("a batch of one image", forward.expected).layerShapes).toBeUndefined();
  });
});

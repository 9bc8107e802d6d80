import { describe, expect, it } from "vitest";
import { compareOutput, matchesCandidate } from "./compare-output";
import { createNdArray } from "./ndarray";
import { fromNested, returnedArray } from "./test-helpers";

const tolerance = { rtol: 1e-4, atol: 1e-4 };
const expected = fromNested([
  [1.23456789, -20.5],
  [0, 3],
]);

describe("compareOutput", () => {
  it("accepts float32 rounding and lists of the right values", () => {
    const float32 = returnedArray({ shape: [2, 2], data: Float32Array.from(expected.data) }, "float32", "list");
    expect(compareOutput(expected, float32, tolerance, "floats").kind).toBe("match");
  });

  it("rejects truncated values and reports the first and the largest error", () => {
    const truncated = returnedArray({ shape: [2, 2], data: [1, -20, 0, 3] }, "int64");
    expect(compareOutput(expected, truncated, tolerance, "floats")).toEqual({
      kind: "wrong-values",
      firstWrong: 0,
      maxError: 0.5,
      maxErrorAt: 1,
    });
  });

  it("rejects NaN and infinity even where the expected value is large", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const comparison = compareOutput(expected, returnedArray({ shape: [2, 2], data: [1.23456789, bad, 0, 3] }), tolerance, "floats");
      expect(comparison).toMatchObject({ kind: "wrong-values", firstWrong: 1, maxError: Infinity });
    }
  });

  it("names a wrong shape, a non-array and complex numbers", () => {
    const transposed = returnedArray(createNdArray([4, 1]));
    expect(compareOutput(expected, transposed, tolerance, "floats")).toEqual({ kind: "wrong-shape", actualShape: [4, 1] });
    expect(compareOutput(expected, { kind: "other", pyType: "NoneType", form: { kind: "none" } }, tolerance, "floats")).toEqual({
      kind: "not-array",
      pyType: "NoneType",
      form: { kind: "none" },
    });
    expect(compareOutput(expected, returnedArray(expected, "complex128"), tolerance, "floats").kind).toBe("complex");
    const pair = { kind: "arrays" as const, pyType: "tuple", items: [expected, createNdArray([3])].map((array) => ({ ...array, dtype: "float64", pyType: "ndarray" })) };
    expect(compareOutput(expected, pair, tolerance, "floats")).toEqual({ kind: "not-array", pyType: "tuple", form: { kind: "arrays", shapes: [[2, 2], [3]] } });
  });

  it("requires ints, exactly, for integer outputs", () => {
    const shape = fromNested([8, 16, 16, 16]);
    const exact = { rtol: 0, atol: 0 };
    expect(compareOutput(shape, returnedArray(shape, "int64", "tuple"), exact, "ints").kind).toBe("match");
    expect(compareOutput(shape, returnedArray(shape, "float64", "tuple"), exact, "ints")).toEqual({ kind: "not-ints", dtype: "float64" });
    const offByOne = returnedArray(fromNested([8, 16, 15, 16]), "int64", "list");
    expect(compareOutput(shape, offByOne, exact, "ints")).toMatchObject({ kind: "wrong-values", firstWrong: 2 });
  });
});

describe("matchesCandidate", () => {
  it("treats NaN cells of a candidate as matching anything", () => {
    const candidate = fromNested([[1, NaN]]);
    expect(matchesCandidate(returnedArray(fromNested([[1, 99]])), candidate, tolerance, 1)).toBe(true);
    expect(matchesCandidate(returnedArray(fromNested([[2, 99]])), candidate, tolerance, 1)).toBe(false);
    expect(matchesCandidate(returnedArray(fromNested([[1, 99, 3]])), candidate, tolerance, 1)).toBe(false);
  });
});

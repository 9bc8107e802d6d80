import { describe, expect, it } from "vitest";
import { compareOutput, matchesCandidate } from "./compare-output";
import { createNdArray, mapValues } from "./ndarray";
import { describeParts, packArrays } from "./output-parts";
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
      relativeError: null,
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
    expect(compareOutput(expected, transposed, tolerance, "floats")).toEqual({ kind: "wrong-shape", actualShape: [4, 1], part: null });
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

describe("compareOutput on a tuple of arrays, by relative error", () => {
  const relative = { relativeError: 1e-5 };
  // dweights much larger than dfeatures: each array is judged on its own scale
  const arrays = [fromNested([[0.001, -0.002, 0.0005]]), fromNested([[[300, -120], [45, 0]]])];
  const parts = describeParts(["dfeatures", "dweights"], arrays);
  const packed = packArrays(arrays);
  const asItems = (items: { shape: number[]; data: Float64Array }[], dtype = "float64") =>
    ({ kind: "arrays" as const, pyType: "tuple", items: items.map((item) => ({ shape: item.shape, data: item.data, dtype, pyType: "ndarray" })) });

  it("accepts float32 code, a tuple or a list", () => {
    const float32 = arrays.map((array) => mapValues(array, (v) => Math.fround(v)));
    expect(compareOutput(packed, asItems(float32, "float32"), relative, "floats", parts).kind).toBe("match");
    expect(compareOutput(packed, { ...asItems(arrays), pyType: "list" }, relative, "floats", parts).kind).toBe("match");
  });

  it("accepts two arrays of one shape, which numpy stacks", () => {
    const same = [fromNested([[1, 2]]), fromNested([[3, 4]])];
    const stacked = returnedArray({ shape: [2, 1, 2], data: [1, 2, 3, 4] }, "float64", "tuple");
    expect(compareOutput(packArrays(same), stacked, relative, "floats", describeParts(["a", "b"], same)).kind).toBe("match");
    // one ndarray whose first axis happens to be 2 is not a tuple
    expect(compareOutput(packArrays(same), { ...stacked, pyType: "ndarray" }, relative, "floats", describeParts(["a", "b"], same))).toEqual({
      kind: "not-sequence",
      pyType: "ndarray",
      shape: [2, 1, 2],
    });
  });

  it("names a wrong count, a wrong shape of one array, and the array whose relative error is too large", () => {
    expect(compareOutput(packed, asItems([arrays[0]]), relative, "floats", parts)).toEqual({ kind: "wrong-count", count: 1, pyType: "tuple" });
    const transposed = asItems([arrays[0], createNdArray([2, 1, 2])]);
    expect(compareOutput(packed, transposed, relative, "floats", parts)).toEqual({ kind: "wrong-shape", actualShape: [2, 1, 2], part: 1 });
    // an error of 1e-4 is nothing next to dweights' 300 but ten percent of dfeatures
    const off = [mapValues(arrays[0], (v) => v + 1e-4), mapValues(arrays[1], (v) => v + 1e-4)];
    expect(compareOutput(packed, asItems(off), relative, "floats", parts)).toMatchObject({ kind: "wrong-values", firstWrong: 0 });
    const offWeights = [arrays[0], mapValues(arrays[1], (v) => v + 0.1)];
    const comparison = compareOutput(packed, asItems(offWeights), relative, "floats", parts);
    expect(comparison).toMatchObject({ kind: "wrong-values", firstWrong: 3 });
    expect(comparison.kind === "wrong-values" && comparison.relativeError).toBeCloseTo(0.1 / 600.1, 8);
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

import { describe, expect, it } from "vitest";
import { createNdArray, ravelIndex, reverseAxes, swapLastTwoAxes, takeSubarray, unravelIndex } from "./ndarray";
import { formatShape } from "./result-format";
import { fromNested, getAt, toRows } from "./test-helpers";

describe("ndarray helpers", () => {
  it("builds arrays from nested lists in row-major order", () => {
    const array = fromNested([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ]);
    expect(array.shape).toEqual([1, 2, 3]);
    expect(getAt(array, [0, 1, 2])).toBe(6);
  });

  it("round-trips flat and full indices", () => {
    const shape = [2, 3, 4];
    for (let flat = 0; flat < 24; flat++) expect(ravelIndex(unravelIndex(flat, shape), shape)).toBe(flat);
    expect(unravelIndex(23, shape)).toEqual([1, 2, 3]);
  });

  it("swaps the last two axes of every plane", () => {
    const array = fromNested([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [7, 8, 9],
        [10, 11, 12],
      ],
    ]);
    const swapped = swapLastTwoAxes(array);
    expect(swapped.shape).toEqual([2, 3, 2]);
    expect(toRows(takeSubarray(swapped, [1]))).toEqual([
      [7, 10],
      [8, 11],
      [9, 12],
    ]);
  });

  it("reverses every axis like numpy's .T", () => {
    const array = createNdArray([2, 3, 4], Array.from({ length: 24 }, (_, i) => i));
    const reversed = reverseAxes(array);
    expect(reversed.shape).toEqual([4, 3, 2]);
    expect(getAt(reversed, [3, 1, 0])).toBe(getAt(array, [0, 1, 3]));
    expect(getAt(reversed, [2, 0, 1])).toBe(getAt(array, [1, 0, 2]));
  });

  it("formats shapes the way Python prints them", () => {
    expect(formatShape([3])).toBe("(3,)");
    expect(formatShape([2, 5])).toBe("(2, 5)");
  });
});

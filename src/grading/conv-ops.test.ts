import { describe, expect, it } from "vitest";
import { conv2dChannels, correlatePlane, countWindows, flipPlane, padEvenly, padPlane, pool2dChannels } from "./conv-ops";
import { takeSubarray } from "./ndarray";
import { fromNested, toRows } from "./test-helpers";

const image = fromNested([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
]);

describe("correlatePlane", () => {
  it("multiplies each window by the kernel as given (no flip)", () => {
    const kernel = fromNested([
      [1, 0],
      [0, -1],
    ]);
    expect(toRows(correlatePlane(image, kernel, [1, 1])!)).toEqual([
      [1 - 5, 2 - 6],
      [4 - 8, 5 - 9],
    ]);
  });

  it("steps windows by the stride per axis and returns null when the kernel does not fit", () => {
    const ones = fromNested([[1, 1]]);
    expect(toRows(correlatePlane(image, ones, [2, 1])!)).toEqual([
      [3, 5],
      [15, 17],
    ]);
    expect(correlatePlane(image, fromNested([[1, 1, 1, 1]]), [1, 1])).toBeNull();
  });
});

describe("padding and flipping", () => {
  it("pads each side by its own amount with the fill value", () => {
    const padded = padPlane(fromNested([[5]]), { top: 1, bottom: 0, left: 0, right: 2 }, -1);
    expect(toRows(padded)).toEqual([
      [-1, -1, -1],
      [5, -1, -1],
    ]);
  });

  it("rotates a kernel by 180 degrees", () => {
    expect(toRows(flipPlane(fromNested([[1, 2], [3, 4]])))).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });

  it("counts windows with floor division", () => {
    expect(countWindows(7, 0, 3, 2)).toBe(3);
    expect(countWindows(6, 0, 3, 2)).toBe(2);
    expect(countWindows(3, 2, 6, 1)).toBeNull();
  });
});

describe("conv2dChannels", () => {
  const features = fromNested([
    [
      [1, 2],
      [3, 4],
    ],
    [
      [10, 20],
      [30, 40],
    ],
  ]);
  // weights[o][c] is a 1×1 kernel: output o = w[o][0] * channel 0 + w[o][1] * channel 1
  const weights = fromNested([[[[1]], [[2]]], [[[3]], [[4]]]]);
  const options = { padding: padEvenly([0, 0]), stride: [1, 1] as [number, number] };

  it("sums the per-channel results for every output channel", () => {
    const out = conv2dChannels(features, weights, options)!;
    expect(toRows(takeSubarray(out, [0]))).toEqual([
      [21, 42],
      [63, 84],
    ]);
    expect(toRows(takeSubarray(out, [1]))).toEqual([
      [43, 86],
      [129, 172],
    ]);
  });

  it("reproduces the channel mistakes and the [in][out] mix-up", () => {
    const first = (changes: object) => toRows(takeSubarray(conv2dChannels(features, weights, { ...options, ...changes })!, [0]));
    expect(first({ combineChannels: "first" })[0]).toEqual([1, 2]);
    expect(first({ combineChannels: "last" })[0]).toEqual([20, 40]);
    expect(first({ combineChannels: "mean" })[0]).toEqual([10.5, 21]);
    expect(first({ weightsInOut: true })[0]).toEqual([1 + 30, 2 + 60]);
    expect(first({ bias: fromNested([0.5, 0]) })[0]).toEqual([21.5, 42.5]);
  });

  it("cuts each channel's part before summing when asked", () => {
    const halves = fromNested([[[[0.5]], [[0.5]]]]);
    const out = conv2dChannels(features, halves, { ...options, cutPart: Math.trunc })!;
    expect(toRows(takeSubarray(out, [0]))[0]).toEqual([0 + 5, 1 + 10]);
  });
});

describe("pool2dChannels", () => {
  const negative = fromNested([
    [
      [-1, -2],
      [-3, -4],
    ],
  ]);
  const base = { kernel: [2, 2] as [number, number], stride: [2, 2] as [number, number], padding: padEvenly([1, 1]) };

  it("never lets -inf padding win a max window, unlike zero padding", () => {
    expect(toRows(takeSubarray(pool2dChannels(negative, { ...base, mode: "max" })!, [0]))).toEqual([
      [-1, -2],
      [-3, -4],
    ]);
    expect(toRows(takeSubarray(pool2dChannels(negative, { ...base, mode: "max", maxPadValue: 0 })!, [0]))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("counts padding in the average by default and can leave it out", () => {
    const include = toRows(takeSubarray(pool2dChannels(negative, { ...base, mode: "average" })!, [0]));
    const exclude = toRows(takeSubarray(pool2dChannels(negative, { ...base, mode: "average-of-real" })!, [0]));
    expect(include[0][0]).toBe(-0.25);
    expect(exclude[0][0]).toBe(-1);
  });
});

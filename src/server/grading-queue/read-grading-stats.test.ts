import { describe, expect, it } from "vitest";
import { estimateWaitSeconds, percentile } from "./read-grading-stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(10);
    expect(percentile(values, 0.95)).toBe(19);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe("estimateWaitSeconds", () => {
  it("divides the place in the queue by the recent rate, and knows nothing without a rate", () => {
    expect(estimateWaitSeconds(100, 4)).toBe(25);
    expect(estimateWaitSeconds(3, 2)).toBe(2);
    expect(estimateWaitSeconds(100, null)).toBeNull();
    expect(estimateWaitSeconds(100, 0)).toBeNull();
  });
});

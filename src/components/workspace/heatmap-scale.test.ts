import { describe, expect, it } from "vitest";
import {
  BLACK,
  WHITE,
  chooseScaleKind,
  computeContrastRatio,
  computeDomain,
  computeLuminance,
  createColorScale,
  findLegendEnds,
  formatCellValue,
  formatFullValue,
  pickTextColor,
} from "./heatmap-scale";

describe("computeDomain", () => {
  it("spans the finite values of every grid and ignores NaN, infinities and missing cells", () => {
    expect(computeDomain([[[1, NaN, null]], [[-3, Infinity], [2, -Infinity]]])).toEqual({ min: -3, max: 2 });
  });

  it("falls back to zero when nothing is finite", () => {
    expect(computeDomain([[[null, NaN]]])).toEqual({ min: 0, max: 0 });
  });
});

describe("createColorScale", () => {
  it("is diverging for signed data and puts zero at the neutral middle", () => {
    const domain = { min: -2, max: 5 };
    expect(chooseScaleKind(domain)).toBe("diverging");
    const scale = createColorScale(domain);
    expect(scale(0)).toEqual([247, 247, 247]);
    expect(scale(-5)).toEqual([33, 102, 172]);
    expect(scale(5)).toEqual([178, 24, 43]);
  });

  it("gives equal magnitudes equally strong colours on both sides of zero", () => {
    const scale = createColorScale({ min: -1, max: 4 });
    const distanceFromNeutral = (value: number) => Math.abs(computeLuminance(scale(value)) - computeLuminance(scale(0)));
    expect(distanceFromNeutral(-1)).toBeGreaterThan(0.05);
    expect(distanceFromNeutral(2)).toBeGreaterThan(distanceFromNeutral(1));
  });

  it("is sequential from the minimum to the maximum for non-negative data", () => {
    const domain = { min: 1, max: 3 };
    expect(chooseScaleKind(domain)).toBe("sequential");
    const scale = createColorScale(domain);
    expect(computeLuminance(scale(1))).toBeGreaterThan(computeLuminance(scale(2)));
    expect(computeLuminance(scale(2))).toBeGreaterThan(computeLuminance(scale(3)));
  });

  it("sends infinities to the ends and survives a constant grid", () => {
    const scale = createColorScale({ min: -1, max: 1 });
    expect(scale(Infinity)).toEqual(scale(1));
    expect(scale(-Infinity)).toEqual(scale(-1));
    expect(createColorScale({ min: 0, max: 0 }, "diverging")(0)).toEqual([247, 247, 247]);
  });

  it("makes the legend symmetric for a diverging scale", () => {
    expect(findLegendEnds({ min: -1, max: 4 })).toEqual({ min: -4, max: 4 });
    expect(findLegendEnds({ min: 1, max: 4 })).toEqual({ min: 1, max: 4 });
  });
});

describe("pickTextColor", () => {
  it("keeps at least 4.5:1 contrast on every colour either scale can produce", () => {
    for (const domain of [{ min: -1, max: 1 }, { min: 0, max: 1 }]) {
      const scale = createColorScale(domain);
      for (let step = 0; step <= 200; step++) {
        const background = scale(domain.min + ((domain.max - domain.min) * step) / 200);
        expect(computeContrastRatio(background, pickTextColor(background))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("uses white on the darkest blue and black on the neutral middle", () => {
    expect(pickTextColor([8, 81, 156])).toEqual(WHITE);
    expect(pickTextColor([247, 247, 247])).toEqual(BLACK);
  });

  it("computes the WCAG ratio of black on white as 21", () => {
    expect(computeContrastRatio(BLACK, WHITE)).toBeCloseTo(21, 5);
  });
});

describe("formatCellValue", () => {
  it("keeps at most five characters where a number allows it", () => {
    expect(formatCellValue(3)).toBe("3");
    expect(formatCellValue(-0.5)).toBe("-0.5");
    expect(formatCellValue(0.12345)).toBe("0.123");
    expect(formatCellValue(-12.345)).toBe("-12.3");
    expect(formatCellValue(1234.5)).toBe("1235");
    expect(formatCellValue(123456)).toBe("1.2e5");
    expect(formatCellValue(0.00123)).toBe("1e-3");
    expect(formatCellValue(-0.0198)).toBe("-0.02");
    expect(formatCellValue(-0.123)).toBe("-0.12");
    expect(formatCellValue(-9876)).toBe("-9876");
    expect(formatCellValue(-98765)).toBe("-1e5");
    for (const value of [-0.0198, -1.23456, 0.000123, -123.456, 42.5, -7e-9]) expect(formatCellValue(value).length).toBeLessThanOrEqual(5);
    expect(formatCellValue(-0)).toBe("0");
  });

  it("names non-finite values", () => {
    expect(formatCellValue(NaN)).toBe("NaN");
    expect(formatCellValue(-Infinity)).toBe("-∞");
  });
});

describe("formatFullValue", () => {
  it("shows up to six significant digits", () => {
    expect(formatFullValue(1 / 3)).toBe("0.333333");
    expect(formatFullValue(2.5)).toBe("2.5");
    expect(formatFullValue(1e-7)).toBe("1e-7");
    expect(formatFullValue(42)).toBe("42");
  });
});

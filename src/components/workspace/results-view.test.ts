import { describe, expect, it } from "vitest";
import { formatParams, formatShape, message } from "@/grading/result-format";
import type { THeatmap } from "@/grading/result-schema";
import {
  computeDifference,
  decodeValues,
  findImageRegion,
  findPlaneCell,
  formatScore,
  isSameShape,
  isWindowOnPlane,
  describeDiagnosisEvidence,
  listCaseNames,
  titleInputPlane,
} from "./results-view";
import { workspaceMessages } from "@/i18n/workspace";

const heatmap = (values: THeatmap["values"], rowOffset = 0, colOffset = 0, channel: number | null = null): THeatmap => ({
  label: message("heatmapExpected", { at: "" }),
  channel,
  rowOffset,
  colOffset,
  values,
});

describe("decodeValues", () => {
  it("turns the JSON spellings of NaN and infinities back into numbers", () => {
    expect(decodeValues(heatmap([[1, "NaN", "-Infinity"]]))).toEqual([[1, NaN, -Infinity]]);
  });
});

describe("computeDifference", () => {
  it("subtracts expected from actual and keeps NaN visible", () => {
    expect(computeDifference(heatmap([[1, 2]]), heatmap([[1.5, "NaN"]]))).toEqual([[0.5, NaN]]);
  });

  it("refuses crops that cover different cells", () => {
    expect(computeDifference(heatmap([[1, 2]]), heatmap([[1, 2, 3]]))).toBeNull();
    expect(computeDifference(heatmap([[1]], 0, 0), heatmap([[1]], 0, 1))).toBeNull();
  });
});

describe("findPlaneCell", () => {
  it("takes the last two axes of a (C, H, W) index", () => {
    expect(findPlaneCell([2, 3, 4])).toEqual({ row: 3, col: 4 });
    expect(findPlaneCell([5])).toBeNull();
  });
});

describe("isWindowOnPlane", () => {
  it("draws a channel's window on that channel only, and a window across channels on all", () => {
    const window = { rows: [0, 2] as [number, number], cols: [0, 2] as [number, number], channel: 1 };
    expect(isWindowOnPlane(window, heatmap([[0]], 0, 0, 1))).toBe(true);
    expect(isWindowOnPlane(window, heatmap([[0]], 0, 0, 0))).toBe(false);
    expect(isWindowOnPlane({ ...window, channel: null }, heatmap([[0]], 0, 0, 0))).toBe(true);
  });
});

describe("findImageRegion", () => {
  it("finds the image inside a whole padded plane", () => {
    const padded = heatmap([
      [0, 0, 0, 0],
      [0, 1, 2, 0],
      [0, 0, 0, 0],
    ]);
    expect(findImageRegion(padded, { rows: 1, cols: 1 })).toEqual({ rows: [1, 2], cols: [1, 3] });
  });

  it("keeps the edge of a crop that stops inside the image", () => {
    const cropped = heatmap(
      [
        [0.5, 0.7],
        [0.1, 0.9],
      ],
      10,
      20,
    );
    expect(findImageRegion(cropped, { rows: 1, cols: 1 })).toEqual({ rows: [1, 12], cols: [1, 22] });
  });
});

describe("formatting", () => {
  it("writes shapes and parameters the way Python prints them", () => {
    expect(formatShape([3, 4])).toBe("(3, 4)");
    expect(formatShape([5])).toBe("(5,)");
    expect(formatParams({ stride: 2, padding: [1, 0], bias: null })).toBe("stride=2, padding=(1, 0), bias=None");
  });

  it("rounds penalised scores to two decimals", () => {
    expect(formatScore(7.5)).toBe("7.5");
    expect(formatScore(6.666666)).toBe("6.67");
    expect(formatScore(10)).toBe("10");
  });

  it("compares shapes axis by axis", () => {
    expect(isSameShape([3, 4], [3, 4])).toBe(true);
    expect(isSameShape([3, 4], [4, 3])).toBe(false);
    expect(isSameShape([12], [1, 2])).toBe(false);
  });
});

describe("case names in the reader's language", () => {
  const cases = [
    { name: "a single pixel", title: message("convolution.case.1x1-kernel-no-padding") },
    { name: "random 1", title: message("caseRandom", { n: 1 }) },
  ];

  it("lists a diagnosis's cases, which it names by identifier, by their shown names", () => {
    const explained = ["random 1", "a single pixel", "gone"];
    expect(listCaseNames("zh-CN", explained, cases)).toBe("随机用例 1、1×1 卷积核，无填充、gone");
    expect(listCaseNames("en", explained, cases)).toBe("random 1, 1×1 kernel, no padding, gone");
  });

  it("says how sure a diagnosis is and names at most three of its cases", () => {
    const many = { cases: ["random 1", "a single pixel", "gone", "random 2", "random 3"], explained: 17, telling: 20 };
    expect(describeDiagnosisEvidence("en", many, cases)).toBe(
      "Matches your output on 17 of the 20 cases that tell this mistake apart, e.g. random 1, 1×1 kernel, no padding, gone and 2 more",
    );
    expect(describeDiagnosisEvidence("zh-CN", many, cases)).toBe("在 20 个能分辨这一错误的用例中，有 17 个与你的输出相符，例如：随机用例 1、1×1 卷积核，无填充、gone 等另外 2 个");
    // stored before the grader counted: the named cases only
    expect(describeDiagnosisEvidence("en", { cases: ["random 1"] }, cases)).toBe("Explains: random 1");
  });
});

describe("titleInputPlane", () => {
  it("says padded only when the reference padded the input (cnn-forward's input is not)", () => {
    const t = workspaceMessages("en");
    expect(titleInputPlane(t, { channel: null }, { rows: 1, cols: 1 })).toBe("Input, padded");
    expect(titleInputPlane(t, { channel: 2 }, { rows: 0, cols: 1 })).toBe("Input channel 2, padded");
    expect(titleInputPlane(t, { channel: 0 }, { rows: 0, cols: 0 })).toBe("Input channel 0");
    expect(titleInputPlane(workspaceMessages("zh-CN"), { channel: null }, { rows: 0, cols: 0 })).toBe("输入");
  });
});

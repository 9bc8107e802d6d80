import { describe, expect, it } from "vitest";
import { decodeJsonNumber, encodeJsonNumber, MAX_PARAM_LENGTH, message, renderMessage } from "./result-format";
import { ZCaseResult, ZGradingResult, ZMessage, type TGradingResult } from "./result-schema";

const result: TGradingResult = {
  version: 2,
  exercise: "convolution",
  mode: "submit",
  status: "failed",
  gradable: true,
  score: 0,
  maxScore: 10,
  seed: 12,
  message: null,
  operatorMessage: null,
  cases: [
    {
      name: "random 1",
      title: message("caseRandom", { n: 1 }),
      points: 10,
      passed: false,
      message: message("caseFailed", {
        params: "img.shape=(1, 1), padding=1, stride=None",
        text: message("wrongValue", { index: "output[0, 0]", expected: "1.0", actual: "nan", from: null, worst: null }),
      }),
      params: { "img.shape": [1, 1], padding: 1, stride: null },
      timeMs: 0.4,
      detail: {
        input: [{ label: message("label.imgPadded"), channel: null, rowOffset: 0, colOffset: 0, values: [[0, 0, 0], [0, 2, 0], [0, 0, 0]] }],
        inputPadding: { rows: 1, cols: 1 },
        expected: { label: message("heatmapExpected", { at: "" }), channel: null, rowOffset: 0, colOffset: 0, values: [[1]] },
        actual: { label: message("heatmapActual", { at: "" }), channel: null, rowOffset: 0, colOffset: 0, values: [[encodeJsonNumber(NaN)]] },
        firstWrong: { index: [0, 0], expected: 1, actual: encodeJsonNumber(NaN), window: { rows: [0, 3], cols: [0, 3], channel: null } },
        maxError: encodeJsonNumber(Infinity),
        expectedShape: [1, 1],
        actualShape: [1, 1],
      },
    },
  ],
  diagnoses: [{ code: "flipped-kernel", message: message("mistake.flippedKernel"), cases: ["random 1"] }],
  stdout: "",
  stdoutTruncated: false,
  timing: { wallMs: 3 },
};

describe("ZGradingResult", () => {
  it("survives JSON with NaN and infinity encoded as strings", () => {
    const stored = JSON.parse(JSON.stringify(result));
    const parsed = ZGradingResult.parse(stored);
    const detail = parsed.cases[0].detail!;
    expect(decodeJsonNumber(detail.firstWrong!.actual)).toBeNaN();
    expect(decodeJsonNumber(detail.maxError!)).toBe(Infinity);
    expect(parsed).toEqual(result);
  });

  it("encodes only non-finite numbers", () => {
    expect([1.5, NaN, Infinity, -Infinity].map(encodeJsonNumber)).toEqual([1.5, "NaN", "Infinity", "-Infinity"]);
    expect(decodeJsonNumber("-Infinity")).toBe(-Infinity);
  });

  it("stores text as codes that are worded in the reader's language", () => {
    const [entry] = ZGradingResult.parse(JSON.parse(JSON.stringify(result))).cases;
    expect(renderMessage(entry.message, "en")).toBe("img.shape=(1, 1), padding=1, stride=None: output[0, 0] is wrong: expected 1.0, got nan.");
    expect(renderMessage(entry.message, "zh-CN")).toBe("img.shape=(1, 1), padding=1, stride=None：output[0, 0] 的值错误：期望 1.0，得到 nan。");
    expect([renderMessage(entry.title, "en"), renderMessage(entry.title, "zh-CN")]).toEqual(["random 1", "随机用例 1"]);
    expect(renderMessage(entry.detail!.input[0].label, "zh-CN")).toBe("img（零填充后）");
  });

  it("rejects an unknown message code, prose pairs of version 1, over-long data and another version", () => {
    expect(ZMessage.safeParse({ code: "noSuchCode", params: {} }).success).toBe(false);
    expect(ZMessage.safeParse({ code: "caseFailed", params: { text: { code: "noSuchCode", params: {} } } }).success).toBe(false);
    expect(ZCaseResult.safeParse({ ...result.cases[0], message: "Passed." }).success).toBe(false);
    expect(ZCaseResult.safeParse({ ...result.cases[0], title: undefined, nameZh: "随机用例 1" }).success).toBe(false);
    const long = message("caseRaisedMessage", { message: "x".repeat(MAX_PARAM_LENGTH * 2 + 1) });
    expect(ZMessage.safeParse(long).success).toBe(false);
    expect(ZGradingResult.safeParse({ ...result, version: 1 }).success).toBe(false);
  });
});

describe("renderMessage", () => {
  it("puts 'a' or 'an' before a value in English only, and shows null params as nothing", () => {
    const value = message("valueScalar", { pyType: "int", repr: "3" });
    expect([renderMessage(value, "en"), renderMessage(value, "zh-CN")]).toEqual(["an int: 3", "一个 int：3"]);
    expect(renderMessage(message("valueScalar", { pyType: "str", repr: "'a'" }), "en")).toBe("a str: 'a'");
    expect(renderMessage(message("caseRaised", { type: "KeyError", at: null, detail: message("caseRaisedBare") }), "en")).toBe("Raised KeyError.");
  });

  it("cuts the shown text to a length with an ellipsis", () => {
    const text = renderMessage(message("caseRaisedMessage", { message: "x".repeat(100) }), "en", 10);
    expect(text).toBe(": xxxxxxx…");
  });
});

import { describe, expect, it } from "vitest";
import { decodeJsonNumber, encodeJsonNumber, MAX_MESSAGE_LENGTH, ZCaseResult, ZGradingResult, type TGradingResult } from "./result-schema";

const result: TGradingResult = {
  version: 1,
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
      points: 10,
      passed: false,
      message: "output[0, 0] is wrong",
      params: { "img.shape": [1, 1], padding: 1, stride: null },
      timeMs: 0.4,
      detail: {
        input: [{ label: "img, zero-padded", channel: null, rowOffset: 0, colOffset: 0, values: [[0, 0, 0], [0, 2, 0], [0, 0, 0]] }],
        inputPadding: { rows: 1, cols: 1 },
        expected: { label: "expected", channel: null, rowOffset: 0, colOffset: 0, values: [[1]] },
        actual: { label: "actual", channel: null, rowOffset: 0, colOffset: 0, values: [[encodeJsonNumber(NaN)]] },
        firstWrong: { index: [0, 0], expected: 1, actual: encodeJsonNumber(NaN), window: { rows: [0, 3], cols: [0, 3], channel: null } },
        maxError: encodeJsonNumber(Infinity),
        expectedShape: [1, 1],
        actualShape: [1, 1],
      },
    },
  ],
  diagnoses: [],
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

  it("still parses a result stored before messageZh existed, which the UI shows in English", () => {
    const stored = JSON.parse(JSON.stringify({ ...result, message: "Case \"random 1\" went over the 512 MiB memory limit." }));
    expect("messageZh" in stored || "messageZh" in stored.cases[0]).toBe(false);
    const parsed = ZGradingResult.parse(stored);
    expect(parsed.messageZh).toBeUndefined();
    expect(parsed.cases[0].messageZh).toBeUndefined();
    expect(parsed.message).toBe(stored.message);
  });

  it("still parses a result stored before case names and heatmap labels had Chinese twins", () => {
    const stored = JSON.parse(JSON.stringify(result));
    expect(JSON.stringify(stored)).not.toMatch(/nameZh|labelZh/);
    const parsed = ZGradingResult.parse(stored);
    expect(parsed.cases[0].name).toBe("random 1");
    expect(parsed.cases[0].nameZh).toBeUndefined();
    const detail = parsed.cases[0].detail!;
    expect([...detail.input, detail.expected, detail.actual!].map((heatmap) => [heatmap.label, heatmap.labelZh])).toEqual([
      ["img, zero-padded", undefined],
      ["expected", undefined],
      ["actual", undefined],
    ]);
  });

  it("keeps a case's Chinese name and its heatmaps' Chinese labels beside the English ones", () => {
    const detail = result.cases[0].detail!;
    const bilingual = {
      ...result,
      cases: [
        {
          ...result.cases[0],
          nameZh: "随机用例 1",
          detail: {
            ...detail,
            input: [{ ...detail.input[0], labelZh: "img（零填充后）" }],
            expected: { ...detail.expected, labelZh: "期望输出" },
            actual: { ...detail.actual!, labelZh: "你的输出" },
          },
        },
      ],
    };
    expect(ZGradingResult.parse(JSON.parse(JSON.stringify(bilingual)))).toEqual(bilingual);
    expect(ZCaseResult.safeParse({ ...result.cases[0], nameZh: null }).success).toBe(false);
  });

  it("keeps the Chinese twins, null where message is null", () => {
    const bilingual = { ...result, messageZh: null, cases: [{ ...result.cases[0], messageZh: "output[0, 0] 的值错误" }] };
    expect(ZGradingResult.parse(JSON.parse(JSON.stringify(bilingual)))).toEqual(bilingual);
    expect(ZCaseResult.safeParse({ ...result.cases[0], messageZh: null }).success).toBe(false);
    expect(ZCaseResult.safeParse({ ...result.cases[0], messageZh: "长".repeat(MAX_MESSAGE_LENGTH + 1) }).success).toBe(false);
    expect(ZGradingResult.safeParse({ ...result, messageZh: "长".repeat(MAX_MESSAGE_LENGTH * 2 + 1) }).success).toBe(false);
  });

  it("rejects another version and over-long case messages", () => {
    expect(ZGradingResult.safeParse({ ...result, version: 2 }).success).toBe(false);
    const long = { ...result.cases[0], message: "x".repeat(MAX_MESSAGE_LENGTH + 1) };
    expect(ZCaseResult.safeParse(long).success).toBe(false);
  });
});

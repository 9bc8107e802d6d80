import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { TReturned } from "@runner";
import { EXERCISE_DEFINITIONS } from "@exercises/index";
import { HEATMAP_MAX_SIDE, judgeCase, toHeatmap } from "./case-feedback";
import { defineExercise } from "./exercise-definition";
import { readExerciseMeta } from "./exercise-files";
import { createNdArray, ravelIndex, swapLastTwoAxes, takeSubarray, type NdArray } from "./ndarray";
import { MAX_MESSAGE_LENGTH, message, renderMessage } from "./result-format";
import { fromNested, getAt, inChinese, inEnglish, mapReturnedValues, returnedArray, returnedOutcome } from "./test-helpers";

const HAN = /\p{Script=Han}/u;

async function loadEdgeCase(slug: string, name: string) {
  const meta = await readExerciseMeta(slug);
  const cases = EXERCISE_DEFINITIONS[slug].buildCases({ seed: 1, count: 0, generator: meta.cases.generator });
  return { gradingCase: cases.find((entry) => entry.name === name)!, tolerance: meta.tolerance };
}

describe("judgeCase on conv2d", async () => {
  // features (3, 5, 7), weights (3, 3, 3, 3), padding 1, stride 1
  const { gradingCase, tolerance } = await loadEdgeCase("conv2d", "as many output channels as input channels");
  const judge = (outcome: Parameters<typeof judgeCase>[0]["outcome"]) =>
    judgeCase({ gradingCase, outcome, points: 2, tolerance, output: "floats" });

  it("passes the reference output itself", () => {
    const { result, wrongReturn } = judge(returnedOutcome(gradingCase.expected));
    expect(result).toMatchObject({ passed: true, points: 2, detail: null });
    expect(wrongReturn).toBeNull();
  });

  it("keeps every output channel's planes and the weights that make each, for the channel picker", () => {
    const actual = createNdArray(gradingCase.expected.shape, gradingCase.expected.data);
    actual.data[ravelIndex([1, 2, 3], actual.shape)] += 1;
    const detail = judge(returnedOutcome(actual)).result.detail!;
    expect(detail.outputPlanes!.map((planes) => [planes.expected.channel, planes.actual?.channel])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(detail.outputPlanes![1]!.actual!.values[2]![3]).toBeCloseTo(getAt(gradingCase.expected, [1, 2, 3]) + 1);
    expect(detail.outputPlanes![0]!.actual!.values).toEqual(detail.outputPlanes![0]!.expected.values);
    // weights (3, 3, 3, 3): one plane per output and input channel, tagged with the output channel
    expect(detail.kernels!.map((plane) => [plane.channel, inEnglish(plane.label)])).toContainEqual([1, "weights[1, 2]: output channel 1, input channel 2"]);
    expect(detail.kernels!.length).toBe(9);
    expect(detail.kernels![0]!.values.length).toBe(3);
  });

  it("names the first wrong cell, its value and its input window, and draws the planes around it", () => {
    const actual = createNdArray(gradingCase.expected.shape, gradingCase.expected.data);
    const at = ravelIndex([1, 2, 3], actual.shape);
    actual.data[at] += 1;
    const { result, wrongReturn } = judge(returnedOutcome(actual));
    expect(result.passed).toBe(false);
    expect(wrongReturn).not.toBeNull();
    expect(inEnglish(result.message)).toMatch(/^features\.shape=\(3, 5, 7\), weights\.shape=\(3, 3, 3, 3\), padding=1, stride=1: /);
    expect(inEnglish(result.message)).toContain("output[1, 2, 3] is wrong");
    expect(inEnglish(result.message)).toContain("rows 2:5, columns 3:6 of every zero-padded input channel");
    const detail = result.detail!;
    expect(detail.firstWrong).toEqual({
      index: [1, 2, 3],
      expected: getAt(gradingCase.expected, [1, 2, 3]),
      actual: getAt(actual, [1, 2, 3]),
      window: { rows: [2, 5], cols: [3, 6], channel: null },
    });
    expect(detail.expected).toMatchObject({ label: message("heatmapExpected", { at: "[1]" }), channel: 1, rowOffset: 0, colOffset: 0 });
    expect(detail.actual!.values[2][3]).toBe(getAt(actual, [1, 2, 3]));
    expect(detail.input.map((heatmap) => [heatmap.channel, heatmap.values.length, heatmap.values[0].length])).toEqual([
      [0, 7, 9],
      [1, 7, 9],
      [2, 7, 9],
    ]);
    expect(detail.input[0].values[0][0]).toBe(0);
    expect(detail.inputPadding).toEqual({ rows: 1, cols: 1 });
    expect(detail.maxError).toBeCloseTo(1, 9);
  });

  it("encodes NaN so the detail survives JSON", () => {
    const actual = createNdArray(gradingCase.expected.shape, gradingCase.expected.data);
    actual.data[0] = NaN;
    const { result } = judge(returnedOutcome(actual));
    expect(inEnglish(result.message)).toContain("got nan");
    expect(result.detail!.firstWrong!.actual).toBe("NaN");
    expect(result.detail!.maxError).toBe("Infinity");
    expect(JSON.parse(JSON.stringify(result)).detail.actual.values[0][0]).toBe("NaN");
  });

  it("names both shapes when the shape is wrong, and still draws what the student returned", () => {
    const { result } = judge(returnedOutcome(swapLastTwoAxes(gradingCase.expected)));
    expect(inEnglish(result.message)).toContain("Wrong shape: expected (3, 5, 7), got (3, 7, 5).");
    expect(result.detail).toMatchObject({ firstWrong: null, maxError: null, expectedShape: [3, 5, 7], actualShape: [3, 7, 5] });
    expect(result.detail!.actual!.values.length).toBe(7);
  });

  it("reports exceptions with their line, and cases that never ran", () => {
    const raised = judge({
      status: "raised",
      error: { type: "IndexError", message: "index 3 is out of bounds", traceback: "", line: 12 },
      timeMs: 0.2,
      stdout: "",
    }).result;
    expect(inEnglish(raised.message)).toContain("Raised IndexError at line 12: index 3 is out of bounds");
    expect(raised.detail).toBeNull();
    const notRun = judge({ status: "not-run" }).result;
    expect(notRun).toMatchObject({ passed: false, timeMs: null });
  });

  it("caps long messages where they are shown", () => {
    const error = { type: "ValueError", message: "x".repeat(5000), traceback: "", line: null };
    const { result } = judge({ status: "raised", error, timeMs: 1, stdout: "" });
    expect(renderMessage(result.message, "en", MAX_MESSAGE_LENGTH).length).toBe(MAX_MESSAGE_LENGTH);
  });

  it("describes a non-array return", () => {
    const { result } = judge(returnedOutcome({ kind: "other", pyType: "NoneType", form: { kind: "none" } }));
    expect(inEnglish(result.message)).toContain("Returned None; expected an array of shape (3, 5, 7).");
  });
});

describe("judgeCase on an int output", async () => {
  const { gradingCase, tolerance } = await loadEdgeCase("conv-output-shape", "stride 2 with padding 1");

  it("asks for ints when the sizes are floats", () => {
    const floats = returnedArray(fromNested([8, 16, 16.5, 16.5]), "float64", "tuple");
    const { result } = judgeCase({ gradingCase, outcome: returnedOutcome(floats), points: 1, tolerance, output: "ints" });
    expect(inEnglish(result.message)).toContain("Got (8.0, 16.0, 16.5, 16.5). Each size must be an int");
    expect(inEnglish(result.message)).toContain("Expected (8, 16, 16, 16).");
    expect(result.detail).toBeNull();
  });
});

describe("judgeCase in Simplified Chinese", async () => {
  const conv2d = await loadEdgeCase("conv2d", "as many output channels as input channels");
  const shape = await loadEdgeCase("conv-output-shape", "stride 2 with padding 1");
  const prefix = "features.shape=(3, 5, 7), weights.shape=(3, 3, 3, 3), padding=1, stride=1：";
  const judgeFloats = (outcome: Parameters<typeof judgeCase>[0]["outcome"]) =>
    judgeCase({ gradingCase: conv2d.gradingCase, outcome, points: 2, tolerance: conv2d.tolerance, output: "floats" }).result;
  const judgeInts = (outcome: Parameters<typeof judgeCase>[0]["outcome"]) =>
    judgeCase({ gradingCase: shape.gradingCase, outcome, points: 1, tolerance: shape.tolerance, output: "ints" }).result;
  const oneWrong = createNdArray(conv2d.gradingCase.expected.shape, conv2d.gradingCase.expected.data);
  oneWrong.data[ravelIndex([1, 2, 3], oneWrong.shape)] += 1;
  const raised = (type: string, message: string, line: number | null) =>
    ({ status: "raised", error: { type, message, traceback: line === null ? "" : "  File submission.py", line }, timeMs: 1, stdout: "" }) as const;

  const outcomes: Record<string, { result: ReturnType<typeof judgeFloats>; zh: RegExp }> = {
    passed: { result: judgeFloats(returnedOutcome(conv2d.gradingCase.expected)), zh: /^通过。$/ },
    "wrong value": { result: judgeFloats(returnedOutcome(oneWrong)), zh: /output\[1, 2, 3\] 的值错误：期望 .*，得到 .*。它由每个零填充后输入通道的第 2:5 行、第 3:6 列计算得到。$/ },
    "wrong shape": { result: judgeFloats(returnedOutcome(swapLastTwoAxes(conv2d.gradingCase.expected))), zh: /形状错误：期望 \(3, 5, 7\)，得到 \(3, 7, 5\)。/ },
    none: { result: judgeFloats(returnedOutcome({ kind: "other", pyType: "NoneType", form: { kind: "none" } })), zh: /返回了 None；应返回形状为 \(3, 5, 7\) 的数组。/ },
    complex: { result: judgeFloats(returnedOutcome(returnedArray(conv2d.gradingCase.expected, "complex128"))), zh: /返回了复数；应返回实数。/ },
    "several arrays": {
      result: judgeFloats(
        returnedOutcome({
          kind: "arrays",
          pyType: "tuple",
          items: [
            { shape: conv2d.gradingCase.expected.shape, data: conv2d.gradingCase.expected.data, dtype: "float64", pyType: "ndarray" },
            { shape: [2], data: Float64Array.of(1, 2), dtype: "int64", pyType: "list" },
          ],
        }),
      ),
      zh: /返回了 一个含 2 个数组的 tuple，形状分别为 \(3, 5, 7\), \(2,\)；应返回形状为 \(3, 5, 7\) 的数组。/,
    },
    raised: { result: judgeFloats(raised("IndexError", "index 3 is out of bounds for axis 0 with size 3", 12)), zh: /抛出了 IndexError（第 12 行）：index 3 is out of bounds for axis 0 with size 3$/ },
    crash: {
      result: judgeFloats({ status: "ended", ending: { kind: "signal", signal: 11 }, timeMs: 1, stdout: "" }),
      zh: /抛出了 Crash：运行时 Python 被 SIGSEGV \(segmentation fault\) 终止。numpy 内部内存耗尽或递归过深时可能出现这种情况。$/,
    },
    timeout: { result: judgeFloats({ status: "timeout", limit: "cpu", limitSeconds: 1, timeMs: 990, stdout: "" }), zh: /已停止：1 秒的 CPU 时间限制（所有用例共用）在运行这个用例时用完了。/ },
    "wall timeout": { result: judgeFloats({ status: "timeout", limit: "wall", limitSeconds: 3, timeMs: 2990, stdout: "" }), zh: /3 秒的实际运行时间限制/ },
    memory: { result: judgeFloats({ status: "memory", limitMb: 512, timeMs: 40, stdout: "" }), zh: /超出了 512 MiB 的内存限制/ },
    "not run": { result: judgeFloats({ status: "not-run" }), zh: /未运行：前面的某个用例已使你的程序停止。/ },
    "float sizes": { result: judgeInts(returnedOutcome(returnedArray(fromNested([8, 16, 16.5, 16.5]), "float64", "tuple"))), zh: /得到 \(8\.0, 16\.0, 16\.5, 16\.5\)。每个尺寸都必须是 int；得到的值的 dtype 为 float64。期望 \(8, 16, 16, 16\)。/ },
    "wrong sizes": { result: judgeInts(returnedOutcome(returnedArray(fromNested([8, 16, 17, 16]), "int64", "tuple"))), zh: /得到 \(8, 16, 17, 16\)。期望 \(8, 16, 16, 16\)。$/ },
    "sizes as a str": { result: judgeInts(returnedOutcome({ kind: "other", pyType: "str", form: { kind: "scalar", repr: "'(8, 16)'" } })), zh: /返回了 一个 str：'\(8, 16\)'；应返回由 4 个 int 组成的元组，例如 \(8, 16, 16, 16\)。/ },
    "too few sizes": { result: judgeInts(returnedOutcome(returnedArray(fromNested([8, 16]), "int64", "tuple"))), zh: /应返回由 4 个 int 组成的元组，例如 \(8, 16, 16, 16\)；得到的形状为 \(2,\)。/ },
  };

  it.each(Object.entries(outcomes))("gives %s a Chinese twin of its English message", (_, { result, zh }) => {
    const [english, chinese] = [inEnglish(result.message), inChinese(result.message)];
    expect(chinese).toMatch(HAN);
    expect(chinese).toMatch(zh);
    expect(chinese).not.toBe(english);
    if (!result.passed) expect(chinese.startsWith(english.slice(0, english.indexOf(": ")))).toBe(true);
  });

  it("names a pooling window in Chinese terms", async () => {
    const pool = await loadEdgeCase("max-pool2d", "negative values next to the padding");
    const actual = createNdArray(pool.gradingCase.expected.shape, pool.gradingCase.expected.data);
    actual.data[0] += 1;
    const { result } = judgeCase({ gradingCase: pool.gradingCase, outcome: returnedOutcome(actual), points: 1, tolerance: pool.tolerance, output: "floats" });
    expect(inEnglish(result.message)).toContain("It comes from rows 0:3, columns 0:3 of channel 0, padded with -inf.");
    expect(inChinese(result.message)).toContain("output[0, 0, 0] 的值错误：");
    expect(inChinese(result.message)).toContain("它由通道 0（用 -inf 填充后）的第 0:3 行、第 0:3 列计算得到。");
    expect(result.detail!.input.map((heatmap) => [inEnglish(heatmap.label), inChinese(heatmap.label)])).toEqual([["x[0], padded with -inf", "x[0]（用 -inf 填充后）"]]);
  });

  it("carries the case's Chinese name and labels each heatmap in Chinese, leaving the English as it was", () => {
    const { result } = outcomes["wrong value"];
    expect([result.name, inChinese(result.title)]).toEqual(["as many output channels as input channels", "输出通道数与输入通道数相同"]);
    expect(inChinese(outcomes.passed.result.title)).toBe("输出通道数与输入通道数相同");
    const detail = result.detail!;
    expect(detail.input.map((heatmap) => [inEnglish(heatmap.label), inChinese(heatmap.label)])).toEqual([
      ["features[0], zero-padded", "features[0]（零填充后）"],
      ["features[1], zero-padded", "features[1]（零填充后）"],
      ["features[2], zero-padded", "features[2]（零填充后）"],
    ]);
    expect([inEnglish(detail.expected.label), inChinese(detail.expected.label)]).toEqual(["expected[1]", "期望输出[1]"]);
    expect([inEnglish(detail.actual!.label), inChinese(detail.actual!.label)]).toEqual(["actual[1]", "你的输出[1]"]);
  });

  it("starts with the case's parameters, as the English does", () => {
    expect(inChinese(outcomes["wrong value"].result.message).startsWith(prefix)).toBe(true);
  });

  it("keeps Python's own text of an exception as Python printed it", () => {
    expect(inEnglish(outcomes.raised.result.message)).toContain("index 3 is out of bounds for axis 0 with size 3");
    expect(inChinese(outcomes.raised.result.message)).toContain("IndexError");
  });

  it("leaves a runner-like sentence that the student's own code raised untranslated", () => {
    const fake = inChinese(judgeFloats(raised("Crash", "Python was killed by SIGSEGV (segmentation fault) while running this.", 4)).message);
    expect(fake).toBe(`${prefix}抛出了 Crash（第 4 行）：Python was killed by SIGSEGV (segmentation fault) while running this.`);
  });

  it("caps long messages in both languages", () => {
    const shown = renderMessage(judgeFloats(raised("ValueError", "x".repeat(5000), null)).message, "zh-CN", MAX_MESSAGE_LENGTH);
    expect(shown.length).toBe(MAX_MESSAGE_LENGTH);
    expect(shown.endsWith("…")).toBe(true);
  });
});

describe("toHeatmap", () => {
  it("crops large planes around the focus and records the offset", () => {
    const plane = createNdArray([40, 10], Array.from({ length: 400 }, (_, i) => i));
    const heatmap = toHeatmap(message("label.imgPadded"), null, plane, [35, 2]);
    expect(heatmap.rowOffset).toBe(40 - HEATMAP_MAX_SIDE);
    expect(heatmap.colOffset).toBe(0);
    expect(heatmap.values.length).toBe(HEATMAP_MAX_SIDE);
    expect(heatmap.values[35 - heatmap.rowOffset][2]).toBe(352);
    expect(heatmap.label).toEqual(message("label.imgPadded"));
  });
});

describe("judgeCase on a function returning a tuple of arrays", () => {
  // a made-up exercise returning (x, 10 * x[0]): two arrays of different shapes
  const definition = defineExercise<NdArray, Record<string, never>>({
    output: "floats",
    generatorSchema: z.strictObject({}),
    edgeCases: [{ name: "the pair", title: "caseRandom", input: fromNested([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]) }],
    generateRandomInput: () => createNdArray([1]),
    toRunnerCase: (x) => ({ args: [x] }),
    describe: (x) => ({ "x.shape": x.shape }),
    returns: ["x", "scaled"],
    reference: (x) => [x, createNdArray([1, 2, 2], x.data.slice(0, 4).map((v) => 10 * v))],
    locate: (x, index, part) => ({
      window: { rows: [index[1], index[1] + 1], cols: [index[2], index[2] + 1], channel: part === 0 ? index[0] : 0 },
      windowText: message("caseRandom", { n: part }),
      input: [{ label: message("heatmapExpected", { at: "" }), channel: 0, plane: takeSubarray(x, [0]) }],
      inputPadding: { rows: 0, cols: 0 },
    }),
    variants: [],
    catalog: [],
  });
  const [gradingCase] = definition.buildCases({ seed: 1, count: 0, generator: {} });
  const tolerance = { relativeError: 1e-5 };
  const [first, second] = [fromNested([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), fromNested([[[10, 20], [30, 40]]])];
  const items = (arrays: NdArray[]) => arrays.map((array) => ({ shape: array.shape, data: array.data, dtype: "float64", pyType: "ndarray" }));
  const judge = (value: TReturned) => judgeCase({ gradingCase, outcome: returnedOutcome(value), points: 1, tolerance, output: "floats" }).result;

  it("passes the right tuple and names the array, cell and relative error of a wrong one", () => {
    expect(judge({ kind: "arrays", pyType: "tuple", items: items([first, second]) }).passed).toBe(true);
    const wrong = createNdArray(second.shape, second.data);
    wrong.data[3] = 41;
    const result = judge({ kind: "arrays", pyType: "list", items: items([first, wrong]) });
    expect(result.passed).toBe(false);
    expect(inEnglish(result.message)).toContain("scaled[0, 1, 1] is wrong: expected 40.0, got 41.0. It comes from random 1.");
    expect(inEnglish(result.message)).toContain("The relative error of scaled, max|x − y| / max(|x| + |y|) over the whole array, is 0.0123457; it must be at most 0.00001.");
    expect(inChinese(result.message)).toMatch(HAN);
    expect(result.detail).toMatchObject({ array: "scaled", expectedShape: [1, 2, 2], actualShape: [1, 2, 2], firstWrong: { index: [0, 1, 1], expected: 40, actual: 41 } });
  });

  it("names a missing array, a single array and a wrong shape", () => {
    expect(inEnglish(judge({ kind: "arrays", pyType: "tuple", items: items([first, second, second]) }).message)).toContain(
      "Returned a tuple of 3 items; expected 2 arrays (x, scaled).",
    );
    expect(inEnglish(judge(returnedArray(first)).message)).toContain("Returned an array of shape (2, 2, 2); expected a tuple of 2 arrays (x, scaled).");
    const result = judge({ kind: "arrays", pyType: "tuple", items: items([first, fromNested([10, 20, 30, 40])]) });
    expect(inEnglish(result.message)).toContain("Wrong shape of scaled: expected (1, 2, 2), got (4,).");
  });
});

describe("judgeCase on a gradient exercise", async () => {
  const meta = await readExerciseMeta("max-pool2d-backward");
  const [gradingCase] = EXERCISE_DEFINITIONS["max-pool2d-backward"].buildCases({ seed: 1, count: 0, generator: meta.cases.generator });

  it("draws dout as the upstream gradient the wrong cell collects from, not as the function's input", () => {
    const wrong = mapReturnedValues(gradingCase!.expected, (value) => value + 1);
    const { result } = judgeCase({ gradingCase: gradingCase!, outcome: returnedOutcome(wrong), points: 1, tolerance: meta.tolerance, output: "floats" });
    expect(result.detail!.inputRole).toBe("upstream-gradient");
    expect(result.detail!.input.map((plane) => inEnglish(plane.label))).toContain("dout[0]");
  });
});

describe("judgeCase on conv-layer-shapes, one shape per layer", async () => {
  const { gradingCase, tolerance } = await loadEdgeCase("conv-layer-shapes", "sizes that do not divide evenly");

  it("quotes the shapes' sizes as integers", () => {
    const ceiled = gradingCase.computeVariants().find((v) => v.mistake.code === "formula-ceil")!.candidates[0];
    const { result } = judgeCase({ gradingCase, outcome: returnedOutcome(ceiled, "int64"), points: 1, tolerance, output: "ints" });
    expect(inEnglish(result.message)).toContain("shapes[0][2] is wrong: expected 7, got 8.");
  });
});

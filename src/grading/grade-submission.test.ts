import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TCaseOutcome, TJob, TJobResult, TLoadError, TRunner } from "@runner";
import { getExerciseDefinition, getExercisesDir, readExerciseMeta } from "./exercise-files";
import { gradeSubmission, UnknownExerciseError } from "./grade-submission";
import { createFilled } from "./ndarray";
import { MAX_MESSAGE_LENGTH, renderMessage } from "./result-format";
import { ZGradingResult } from "./result-schema";
import { inChinese, inEnglish, returnedOutcome } from "./test-helpers";

function createFakeRunner(respond: (job: TJob) => TJobResult | Promise<TJobResult>): TRunner & { jobs: TJob[] } {
  const jobs: TJob[] = [];
  return {
    jobs,
    run: async (job) => {
      jobs.push(job);
      return respond(job);
    },
    close: async () => {},
  };
}

const gradable = (cases: TCaseOutcome[]): TJobResult => ({ gradable: true, load: { ok: true }, cases, outputTruncated: false, wallMs: 5 });

/** Outcomes of a perfect student on the cases the grader builds for `seed`. */
async function expectedOutcomes(slug: string, seed: number, mode: "run" | "submit"): Promise<TCaseOutcome[]> {
  const meta = await readExerciseMeta(slug);
  const count = mode === "run" ? meta.cases.sampleCount : meta.cases.hiddenCount;
  const cases = getExerciseDefinition(slug)!.buildCases({ seed, count, generator: meta.cases.generator });
  return cases.map((gradingCase) => returnedOutcome(gradingCase.expected));
}

const SOURCE = "def convolution(img, kernel, padding=1, stride=1):\n    ...\n";
const HAN = /\p{Script=Han}/u;

const loadFailed = (error: Extract<TJobResult, { gradable: true }>["load"] & { ok: false }): TJobResult => ({
  gradable: true,
  load: error,
  cases: [],
  outputTruncated: false,
  wallMs: 3,
});

describe("gradeSubmission", async () => {
  const meta = await readExerciseMeta("convolution");

  it("runs the sample cases on the fixed sample seed and gives full marks for the reference outputs", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    const runner = createFakeRunner(() => gradable(outcomes));
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner });
    expect(result).toMatchObject({ status: "passed", gradable: true, score: 10, maxScore: 10, seed: meta.cases.sampleSeed, mode: "run" });
    expect(result.cases.length).toBe(outcomes.length);
    expect(result.cases.every((entry) => entry.passed && entry.points > 0)).toBe(true);
    expect(result.cases.reduce((sum, entry) => sum + entry.points, 0)).toBeCloseTo(10, 9);
    expect(runner.jobs[0]).toMatchObject({ source: SOURCE, functionName: "convolution", limits: meta.limits });
    expect(ZGradingResult.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
    expect(result.message).toBeNull();
    expect(result.cases.every((entry) => inChinese(entry.message) === "通过。")).toBe(true);
    expect(result.cases.every((entry) => HAN.test(inChinese(entry.title)) && inEnglish(entry.title) === entry.name)).toBe(true);
    expect(result.cases.at(-1)!.name).toBe(`random ${meta.cases.sampleCount}`);
    expect(inChinese(result.cases.at(-1)!.title)).toBe(`随机用例 ${meta.cases.sampleCount}`);
  });

  it("sends the same cases for the same seed and fresh cases for each unseeded submit", async () => {
    const runner = createFakeRunner((job) => gradable(job.cases.map(() => ({ status: "not-run" }))));
    const { result: first } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 5, runner });
    await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 5, runner });
    const { result: fresh } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", runner });
    expect(first.seed).toBe(5);
    expect(runner.jobs[1].cases).toEqual(runner.jobs[0].cases);
    expect(fresh.seed).not.toBe(5);
    expect(runner.jobs[2].cases).not.toEqual(runner.jobs[0].cases);
    expect(runner.jobs[0].cases.length).toBe(7 + meta.cases.hiddenCount);
  });

  it("scores partial results and names the likely mistake", async () => {
    const outcomes = await expectedOutcomes("convolution", 9, "submit");
    const meta9 = getExerciseDefinition("convolution")!.buildCases({ seed: 9, count: meta.cases.hiddenCount, generator: meta.cases.generator });
    const flipped = meta9.map((gradingCase, i) => {
      const variant = gradingCase.computeVariants().find((entry) => entry.mistake.code === "flipped-kernel")!;
      return variant.candidates[0] ? returnedOutcome(variant.candidates[0]) : outcomes[i];
    });
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 9, runner: createFakeRunner(() => gradable(flipped)) });
    const passed = result.cases.filter((entry) => entry.passed).length;
    expect(result.status).toBe("failed");
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThan(result.cases.length);
    // each passed case earns its weighted points, a flipped kernel passing only degenerate cases
    const earned = result.cases.filter((entry) => entry.passed).reduce((sum, entry) => sum + entry.points, 0);
    expect(result.score).toBe(Math.round(earned * 100) / 100);
    expect(result.score).toBeLessThan((10 * passed) / result.cases.length);
    expect(result.diagnoses[0].code).toBe("flipped-kernel");
    // diagnoses name cases by their English name, the identifier the UI looks the Chinese one up by
    const failedNames = result.cases.filter((entry) => !entry.passed).map((entry) => entry.name);
    expect(result.diagnoses[0].cases.length).toBeGreaterThan(0);
    expect(result.diagnoses[0].cases.every((name) => failedNames.includes(name))).toBe(true);
  });

  it("adds the expected signature when the function is missing", async () => {
    const runner = createFakeRunner(() => ({
      gradable: true,
      load: { ok: false, error: { kind: "missing-function", suggestion: null } },
      cases: [],
      outputTruncated: false,
      wallMs: 3,
    }));
    const { result } = await gradeSubmission({ exercise: "convolution", source: "x = 1\n", mode: "run", runner });
    expect(result).toMatchObject({ status: "error", gradable: true, score: 0, cases: [] });
    expect(inEnglish(result.message)).toContain("Expected a function: def convolution(img, kernel, padding=1, stride=1):");
    expect(inChinese(result.message)).toBe("你的文件没有定义名为 'convolution' 的函数。\n需要定义的函数：def convolution(img, kernel, padding=1, stride=1):");
  });

  describe("says why a file did not load, in both languages, keeping Python's own text", () => {
    const signature = "def convolution(img, kernel, padding=1, stride=1):";
    const raised = (type: string, message: string, line: number | null) => ({ type, message, line, traceback: "" });
    const loadErrors: Array<[kind: string, error: TLoadError, en: string, zh: string]> = [
      [
        "syntax",
        { kind: "syntax", error: raised("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 3) },
        "SyntaxError: invalid syntax. Perhaps you forgot a comma? (line 3)",
        "你的文件第 3 行有语法错误，无法编译：SyntaxError: invalid syntax. Perhaps you forgot a comma? (line 3)",
      ],
      [
        "syntax without a line",
        { kind: "syntax", error: raised("ValueError", "source code string cannot contain null bytes", null) },
        "ValueError: source code string cannot contain null bytes",
        "你的文件无法编译：ValueError: source code string cannot contain null bytes",
      ],
      [
        "missing-function with a suggestion",
        { kind: "missing-function", suggestion: "convolve" },
        `Your file does not define a function named 'convolution'. Did you mean 'convolve'?\nExpected a function: ${signature}`,
        `你的文件没有定义名为 'convolution' 的函数。你是不是想写 'convolve'？\n需要定义的函数：${signature}`,
      ],
      [
        "not-callable",
        { kind: "not-callable", pyType: "int" },
        `'convolution' is defined, but it is an int, not a function.\nExpected a function: ${signature}`,
        `'convolution' 已定义，但它是 int，不是函数。\n需要定义的函数：${signature}`,
      ],
      [
        "import",
        { kind: "import", error: raised("ModuleNotFoundError", "No module named 'torch'", 1) },
        "ModuleNotFoundError: No module named 'torch' (line 1, while loading your file). Only numpy and the Python standard library are available.",
        "加载你的文件时出错（第 1 行）：ModuleNotFoundError: No module named 'torch'。只能使用 numpy 和 Python 标准库。",
      ],
      [
        "exception",
        { kind: "exception", error: raised("ZeroDivisionError", "division by zero", 2) },
        "ZeroDivisionError: division by zero (line 2, while loading your file).",
        "加载你的文件时出错（第 2 行）：ZeroDivisionError: division by zero。",
      ],
      [
        "a message that ends its own sentence",
        { kind: "exception", error: raised("ValueError", "Bad value.", 2) },
        "ValueError: Bad value. (line 2, while loading your file).",
        "加载你的文件时出错（第 2 行）：ValueError: Bad value.",
      ],
      [
        "an exit while loading",
        { kind: "ended", ending: { kind: "exit", code: 3 } },
        "The program exited (status 3) before it finished, e.g. by calling os._exit(). (while loading your file)",
        "加载你的文件时出错：程序还没运行完就退出了（退出状态 3），例如调用了 os._exit()。",
      ],
      [
        "a crash while loading",
        { kind: "ended", ending: { kind: "signal", signal: 11 } },
        "Python was killed by SIGSEGV (segmentation fault) while running this. This can happen when memory runs out inside numpy or with very deep recursion. (while loading your file)",
        "加载你的文件时出错：运行时 Python 被 SIGSEGV (segmentation fault) 终止。numpy 内部内存耗尽或递归过深时可能出现这种情况。",
      ],
      [
        "memory",
        { kind: "memory", error: raised("MemoryError", "", 1) },
        "MemoryError:  (line 1, while loading your file).",
        "加载你的文件时内存不足（第 1 行）：MemoryError。",
      ],
      [
        "timeout",
        { kind: "timeout", limit: "cpu", limitSeconds: 1 },
        "Loading your file did not finish within the 1 s CPU-time limit. Is there an infinite loop or a long computation outside your functions?",
        "加载你的文件没能在 1 秒的 CPU 时间限制内完成。函数之外是否有死循环或耗时很长的计算？",
      ],
      [
        "wall-clock timeout",
        { kind: "timeout", limit: "wall", limitSeconds: 3 },
        "Loading your file did not finish within the 3 s wall-clock limit. Is there an infinite loop or a long computation outside your functions?",
        "加载你的文件没能在 3 秒的实际运行时间限制内完成。函数之外是否有死循环或耗时很长的计算？",
      ],
    ];

    it.each(loadErrors)("%s", async (_, error, en, zh) => {
      const { result } = await gradeSubmission({ exercise: "convolution", source: "x = 1\n", mode: "run", runner: createFakeRunner(() => loadFailed({ ok: false, error })) });
      expect(inEnglish(result.message)).toBe(en);
      expect(inChinese(result.message)).toBe(zh);
    });

    it("caps a long Python message where it is shown, in both languages", async () => {
      const error: TLoadError = { kind: "exception", error: raised("ValueError", "x".repeat(5000), 1) };
      const { result } = await gradeSubmission({ exercise: "convolution", source: "x = 1\n", mode: "run", runner: createFakeRunner(() => loadFailed({ ok: false, error })) });
      expect(renderMessage(result.message!, "en", MAX_MESSAGE_LENGTH * 2).length).toBe(MAX_MESSAGE_LENGTH * 2);
      const zh = renderMessage(result.message!, "zh-CN", MAX_MESSAGE_LENGTH * 2);
      expect(zh.length).toBe(MAX_MESSAGE_LENGTH * 2);
      expect(zh).toMatch(/^加载你的文件时出错（第 1 行）：ValueError: x+…$/);
    });
  });

  it("reports a file that takes too long to load as a timeout", async () => {
    const runner = createFakeRunner(() => ({
      gradable: true,
      load: { ok: false, error: { kind: "timeout", limit: "wall", limitSeconds: 10 } },
      cases: [],
      outputTruncated: false,
      wallMs: 10_000,
    }));
    const { result } = await gradeSubmission({ exercise: "convolution", source: "while True: pass\n", mode: "run", runner });
    expect(result).toMatchObject({ status: "timeout", gradable: true, score: 0 });
    expect(inEnglish(result.message)).not.toContain("Expected a function");
  });

  it("keeps credit for the cases before a timeout and names the case and the limit", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    const stopped: TCaseOutcome[] = outcomes.map((outcome, i) =>
      i < 3 ? outcome : i === 3 ? { status: "timeout", limit: "cpu", limitSeconds: 10, timeMs: 9_990, stdout: "" } : { status: "not-run" },
    );
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(stopped)) });
    expect(result.status).toBe("timeout");
    const earned = result.cases.slice(0, 3).reduce((sum, entry) => sum + entry.points, 0);
    expect(result.score).toBe(Math.round(earned * 100) / 100);
    expect(result.score).toBeGreaterThan(0);
    expect(result.cases[3].name).toBe("stride that does not divide evenly");
    expect(inChinese(result.cases[3].title)).toBe("尺寸不能被步长整除");
    expect(inEnglish(result.message)).toContain('Case "stride that does not divide evenly" ran out of the 10 s CPU time limit');
    expect(inChinese(result.message)).toBe(
      "用例“尺寸不能被步长整除”用完了 10 秒的 CPU 时间限制（所有用例共用），后面的用例没有运行。正确的解法跑完全部用例只需几毫秒，请检查有没有永远不会结束的循环。",
    );
    expect(inChinese(result.cases[4].message)).toMatch(/未运行：/);
    expect(result.cases[4]).toMatchObject({ passed: false, timeMs: null });
  });

  it("reports a case over the memory limit as an error", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    outcomes[0] = { status: "memory", limitMb: 512, timeMs: 40, stdout: "" };
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
    expect(result.status).toBe("error");
    expect(inEnglish(result.message)).toContain("512 MiB memory limit");
    expect(inEnglish(result.message)).toBe('Case "default padding and stride" went over the 512 MiB memory limit.');
    expect(inChinese(result.message)).toBe("用例“默认的填充和步长”超出了 512 MiB 的内存限制。");
  });

  it("collects printed output per case", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    outcomes[1] = { ...(outcomes[1] as Extract<TCaseOutcome, { status: "returned" }>), stdout: "shape (4, 6)\n" };
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
    expect(result.stdout).toBe(`--- ${result.cases[1].name} ---\nshape (4, 6)\n`);
    expect(result.stdoutTruncated).toBe(false);
  });

  it("turns infrastructure faults into ungradable results", async () => {
    const faults: Array<(job: TJob) => TJobResult | Promise<TJobResult>> = [
      () => ({ gradable: false, reason: "The grader is temporarily unavailable.", operatorMessage: "bubblewrap is not installed" }),
      () => Promise.reject(new Error("pool closed")),
      () => gradable([]),
      (job) => gradable(job.cases.map(() => ({ status: "returned", value: { kind: "array", shape: [1], data: [1] }, timeMs: 1, stdout: "" }) as never)),
    ];
    for (const respond of faults) {
      const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(respond) });
      expect(result).toMatchObject({ status: "error", gradable: false, score: 0, cases: [] });
      expect(result.operatorMessage).toBeTruthy();
      expect(inChinese(result.message)).toBe("评测程序暂时不可用。你的代码没有被评测，也不计入提交次数。");
    }
  });

  it("under a limit cap, runs with the lowered limits and tells a timeout at a lowered limit from one at the exercise's own", async () => {
    const timeoutAt = (limit: "cpu" | "wall") => (job: TJob) =>
      gradable(job.cases.map((_, i) => (i === 0 ? { status: "timeout", limit, limitSeconds: 1, timeMs: 1000, stdout: "" } : { status: "not-run" })));
    // The exercise allows 1 s of CPU and 3 s of wall time: a cap of 1 s each lowers only the wall limit.
    const cap = { cpuSeconds: 1, wallSeconds: 1 };
    const wall = createFakeRunner(timeoutAt("wall"));
    const atWall = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: wall, limitCap: cap });
    expect(wall.jobs[0].limits).toMatchObject({ cpuSeconds: Math.min(1, meta.limits.cpuSeconds), wallSeconds: 1 });
    expect(atWall).toMatchObject({ result: { status: "timeout" }, stoppedAtCap: meta.limits.wallSeconds > 1 });
    const atCpu = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(timeoutAt("cpu")), limitCap: cap });
    expect(atCpu).toMatchObject({ result: { status: "timeout" }, stoppedAtCap: meta.limits.cpuSeconds > 1 });
    const uncapped = createFakeRunner(timeoutAt("wall"));
    expect((await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: uncapped })).stoppedAtCap).toBe(false);
    expect(uncapped.jobs[0].limits).toEqual(meta.limits);
  });

  it("refuses an unknown exercise", async () => {
    const runner = createFakeRunner(() => gradable([]));
    await expect(gradeSubmission({ exercise: "../etc", source: "", mode: "run", runner })).rejects.toBeInstanceOf(UnknownExerciseError);
    expect(runner.jobs).toEqual([]);
  });
  it("scores all or nothing when the exercise's meta.json asks for it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "convlab-scoring-"));
    await cp(path.join(getExercisesDir(), "convolution"), path.join(dir, "convolution"), { recursive: true });
    await writeFile(path.join(dir, "convolution", "meta.json"), JSON.stringify({ ...meta, scoring: "all-or-nothing" }));
    const previous = process.env.CONVLAB_EXERCISES_DIR;
    process.env.CONVLAB_EXERCISES_DIR = dir;
    try {
      const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
      const oneWrong = outcomes.map((outcome, i) => (i === 0 ? returnedOutcome(createFilled([5, 5], 9)) : outcome));
      const { result: partial } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(oneWrong)) });
      expect(partial).toMatchObject({ status: "failed", score: 0, maxScore: 10 });
      const { result: full } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
      expect(full).toMatchObject({ status: "passed", score: 10 });
    } finally {
      if (previous === undefined) delete process.env.CONVLAB_EXERCISES_DIR;
      else process.env.CONVLAB_EXERCISES_DIR = previous;
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("weighs a degenerate case that known mistakes pass by accident less than a telling one", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    const { result } = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
    const points = (name: string) => result.cases.find((entry) => entry.name === name)!.points;
    expect(points("a single pixel")).toBeLessThan(points("stride that does not divide evenly"));
    expect(points("1×1 kernel, no padding")).toBeLessThan(points("default padding and stride"));
  });
});

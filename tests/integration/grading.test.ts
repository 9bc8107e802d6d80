// Every exercise through the real sandbox: solution.py scores full marks, starter.py fails, each
// buggy/ file fails and is diagnosed with a mistake its name says it carries and with no other
// (so every catalog mistake is diagnosed on its demonstrating file), each accepted/*.py (float32,
// vectorised, lists...) scores full marks with no diagnosis, and each negative/ control gets none.
// Then load errors, bad returns and limits, in English and in Chinese (whose patterns must match
// what the real runner writes).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { readCarriedCodes } from "@/grading/corpus";
import { getExerciseDefinition, getExercisesDir, listExerciseSlugs } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { inChinese, inEnglish } from "@/grading/test-helpers";
import type { TGradingMode } from "@/grading/result-schema";

const HIDDEN_SEED = 11;
let runner: TRunner;

beforeAll(() => {
  runner = createRunner({ poolSize: 2 });
});
afterAll(async () => {
  await runner.close();
});

const readSource = (slug: string, file: string) => readFile(path.join(getExercisesDir(), slug, file), "utf8");
const listSources = async (slug: string, folder: string) =>
  (await readdir(path.join(getExercisesDir(), slug, folder))).filter((file) => file.endsWith(".py")).sort();
const grade = (exercise: string, source: string, mode: TGradingMode, seed?: number) =>
  gradeSubmission({ exercise, source, mode, seed, runner }).then((graded) => graded.result);

describe.each(listExerciseSlugs())("%s in the sandbox", async (slug) => {
  const buggy = await listSources(slug, "buggy");
  const accepted = await listSources(slug, "accepted");
  const negative = existsSync(path.join(getExercisesDir(), slug, "negative")) ? await listSources(slug, "negative") : [];

  it("solution.py scores full marks on the sample cases and on a hidden Submit", async () => {
    const source = await readSource(slug, "solution.py");
    for (const [mode, seed] of [["run", undefined], ["submit", HIDDEN_SEED]] as const) {
      const result = await grade(slug, source, mode, seed);
      expect(result.cases.filter((entry) => !entry.passed).map((entry) => inEnglish(entry.message))).toEqual([]);
      expect(result).toMatchObject({ status: "passed", gradable: true, diagnoses: [] });
      expect(result.score).toBe(result.maxScore);
    }
  });

  it("starter.py fails every case with its NotImplementedError", async () => {
    const result = await grade(slug, await readSource(slug, "starter.py"), "submit", HIDDEN_SEED);
    expect(result).toMatchObject({ status: "failed", gradable: true, score: 0 });
    expect(result.cases.every((entry) => !entry.passed && inEnglish(entry.message).includes("Raised NotImplementedError"))).toBe(true);
  });

  // the catalog's demonstrating files on the sample cases too; every other buggy/ file on a hidden Submit
  it.each(buggy)("buggy/%s fails and is never diagnosed with a mistake it does not carry", async (file) => {
    const carried = readCarriedCodes(file);
    const source = await readSource(slug, `buggy/${file}`);
    const isDemonstration = getExerciseDefinition(slug)!.catalog.some((entry) => entry.demonstratedBy === `buggy/${file}`);
    const runs = isDemonstration ? ([["run", undefined], ["submit", HIDDEN_SEED]] as const) : ([["submit", HIDDEN_SEED]] as const);
    for (const [mode, seed] of runs) {
      const result = await grade(slug, source, mode, seed);
      const codes = result.diagnoses.map((diagnosis) => diagnosis.code);
      expect(result.status).not.toBe("passed");
      expect(result.score).toBeLessThan(result.maxScore);
      expect(codes.filter((code) => !carried.includes(code)), `${mode}: named ${codes.join(", ")}`).toEqual([]);
      // the few sample cases may not carry enough evidence, nor may a file with several mistakes
      // (that is a miss, counted by diagnose-corpus); a catalog demonstration on hidden cases must
      if (codes.length === 0 && (mode === "run" || !isDemonstration)) continue;
      expect(codes.some((code) => carried.includes(code)), `${mode}: named nothing`).toBe(true);
      expect(inChinese(result.diagnoses[0].message)).toMatch(/[\u4e00-\u9fff]/);
      expect(result.diagnoses[0].explained).toBeLessThanOrEqual(result.diagnoses[0].telling!);
    }
  });

  it.each(accepted)("accepted/%s scores full marks with no diagnosis", async (file) => {
    const result = await grade(slug, await readSource(slug, `accepted/${file}`), "submit", HIDDEN_SEED);
    expect(result.cases.filter((entry) => !entry.passed).map((entry) => inEnglish(entry.message))).toEqual([]);
    expect(result.score).toBe(result.maxScore);
    expect(result.diagnoses).toEqual([]);
  });

  it.each(negative)("negative/%s fails and gets no diagnosis (its mistake is not in the catalog)", async (file) => {
    const result = await grade(slug, await readSource(slug, `negative/${file}`), "submit", HIDDEN_SEED);
    expect(result.score).toBeLessThan(result.maxScore);
    expect(result.diagnoses.map((diagnosis) => diagnosis.code)).toEqual([]);
  });
});

describe("what students get wrong outside the maths", () => {
  it("points at the line of a syntax error", async () => {
    const result = await grade("convolution", "def convolution(img, kernel, padding=1, stride=1)\n    return img\n", "run");
    expect(result).toMatchObject({ status: "error", gradable: true, score: 0, cases: [] });
    expect(inEnglish(result.message)).toMatch(/line 1/);
    // the Chinese twin frames Python's own text, unchanged
    expect(inEnglish(result.message)).toMatch(/^SyntaxError: /);
    expect(inChinese(result.message)).toBe(`你的文件第 1 行有语法错误，无法编译：${inEnglish(result.message)}`);
  });

  it("gives the expected signature when the function is missing or misnamed", async () => {
    const result = await grade("convolution-v2", "def convolution_v2(img, kernel, padding=(0, 0), stride=(1, 1)):\n    return img\n", "run");
    expect(result.status).toBe("error");
    expect(inEnglish(result.message)).toContain("Expected a function: def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):");
    expect(inEnglish(result.message)).toContain("Did you mean 'convolution_v2'?");
    expect(inChinese(result.message)).toBe(
      "你的文件没有定义名为 'convolutionV2' 的函数。你是不是想写 'convolution_v2'？\n需要定义的函数：def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):",
    );
  });

  it("says in Chinese too what went wrong while loading or calling, keeping Python's own text", async () => {
    const imported = await grade("convolution", "import no_such_module\n\ndef convolution(img, kernel, padding=1, stride=1):\n    return img\n", "run");
    expect(inChinese(imported.message)).toBe("加载你的文件时出错（第 1 行）：ModuleNotFoundError: No module named 'no_such_module'。只能使用 numpy 和 Python 标准库。");
    const notCallable = await grade("convolution", "convolution = 3\n", "run");
    expect(inChinese(notCallable.message)).toMatch(/^'convolution' 已定义，但它是 int，不是函数。\n需要定义的函数：def convolution\(/);
    const raised = await grade("convolution", "def convolution(img, kernel, padding=1, stride=1):\n    return img[99, 99]\n", "run");
    expect(inEnglish(raised.cases[0].message)).toMatch(/Raised IndexError at line 2: index 99 is out of bounds/);
    expect(inChinese(raised.cases[0].message)).toMatch(/^img\.shape=.*：抛出了 IndexError（第 2 行）：index 99 is out of bounds/);
    const exited = await grade("convolution", "import os\n\ndef convolution(img, kernel, padding=1, stride=1):\n    os._exit(3)\n", "run");
    expect(inChinese(exited.cases[0].message)).toMatch(/：抛出了 Exit：程序还没运行完就退出了（退出状态 3），例如调用了 os\._exit\(\)。$/);
  });

  it("explains a None return, NaN values and a wrong shape", async () => {
    const none = await grade("conv2d", "def conv2d(features, weights, padding=0, stride=1):\n    pass\n", "run");
    expect(inEnglish(none.cases[0].message)).toContain("Returned None; expected an array of shape");
    expect(inChinese(none.cases[0].message)).toContain("返回了 None；应返回形状为");

    const nan = await grade(
      "max-pool2d",
      (await readSource("max-pool2d", "solution.py")).replace("    return out\n", "    out[0, 0, 0] = np.nan\n    return out\n"),
      "run",
    );
    expect(nan.status).toBe("failed");
    expect(inEnglish(nan.cases[0].message)).toContain("output[0, 0, 0] is wrong");
    expect(inEnglish(nan.cases[0].message)).toContain("got nan");
    expect(inChinese(nan.cases[0].message)).toMatch(/output\[0, 0, 0\] 的值错误：期望 \S+，得到 nan。/);
    expect(nan.cases[0].detail?.firstWrong?.actual).toBe("NaN");

    const batched = await grade("conv2d", (await readSource("conv2d", "solution.py")).replace("    return output\n", "    return output[None]\n"), "run");
    expect(inEnglish(batched.cases[0].message)).toMatch(/Wrong shape: expected \(3, 3, 4\), got \(1, 3, 3, 4\)\./);
    expect(inChinese(batched.cases[0].message)).toContain("形状错误：期望 (3, 3, 4)，得到 (1, 3, 3, 4)。");
  });

  it("rejects output sizes returned as floats", async () => {
    const floats = await grade("conv-output-shape", (await readSource("conv-output-shape", "solution.py")).replace("return (n, out_channels, h_out, w_out)", "return (n, out_channels, float(h_out), float(w_out))"), "run");
    expect(floats.status).toBe("failed");
    expect(inEnglish(floats.cases[0].message)).toContain("Each size must be an int");
    expect(inChinese(floats.cases[0].message)).toContain("每个尺寸都必须是 int；得到的值的 dtype 为 float64。");
  });

  it("keeps what the student printed, per case", async () => {
    const source = (await readSource("convolution", "solution.py")).replace("    return result\n", "    print('result shape', result.shape)\n    return result\n");
    const result = await grade("convolution", source, "run");
    expect(result.status).toBe("passed");
    expect(result.stdout).toContain(`--- ${result.cases[0].name} ---\nresult shape (5, 5)`);
  });
});

describe("limits (the exercise's own: 1 s of CPU, 3 s wall-clock)", () => {
  it("reports a case that runs out of memory", async () => {
    const source = (await readSource("convolution", "solution.py")).replace("    h, w = img.shape\n", "    h, w = img.shape\n    hog = np.ones((40000, 40000))\n");
    const result = await grade("convolution", source, "run");
    expect(result.status).toBe("error");
    expect(inEnglish(result.message)).toMatch(/went over the \d+ MiB memory limit/);
    expect(inChinese(result.message)).toMatch(/^用例“[^”]+”超出了 \d+ MiB 的内存限制。$/);
  });

  it("stops an endless loop, names the case and the limit, and keeps earlier credit", async () => {
    const source = (await readSource("convolution", "solution.py")).replace(
      "    h, w = img.shape\n",
      "    h, w = img.shape\n    while h == 1:\n        pass\n",
    );
    const result = await grade("convolution", source, "run");
    const stopped = result.cases.findIndex((entry) => entry.name === "a single pixel");
    expect(result.status).toBe("timeout");
    expect(inEnglish(result.message)).toContain('Case "a single pixel" ran out of the 1 s CPU time limit');
    expect(inChinese(result.cases[stopped].title)).toBe("只有一个像素");
    expect(inChinese(result.message)).toContain("用例“只有一个像素”用完了 1 秒的 CPU 时间限制（所有用例共用），后面的用例没有运行。");
    expect(result.cases.slice(0, stopped).every((entry) => entry.passed)).toBe(true);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(result.maxScore);
  });
});

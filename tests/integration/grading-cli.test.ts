// The grading CLI end to end (real sandbox): its JSON report, its readable report, and its exit
// codes: 0 full score, 1 graded below it, 2 usage error or sandbox unavailable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function runCli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/grade.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const exercise = (slug: string, file: string) => ["--exercise", slug, "--file", `exercises/${slug}/${file}`];

describe("npm run grade", () => {
  it("is wired in package.json and prints exactly one JSON object for a full score, exit 0", () => {
    const run = spawnSync("npm", ["run", "--silent", "grade", "--", ...exercise("conv2d", "solution.py"), "--seed", "42", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(["exercise", "status", "score", "maxScore", "seed", "message", "cases", "diagnoses"]);
    expect(report).toMatchObject({ exercise: "conv2d", status: "passed", score: 15, maxScore: 15, seed: 42, message: null, diagnoses: [] });
    expect(Object.keys(report.cases[0])).toEqual(["name", "title", "passed", "message"]);
    expect(report.cases[0]).toEqual({ name: "defaults: no padding, stride 1", title: "defaults: no padding, stride 1", passed: true, message: "Passed." });
  });

  it("words the report in the language --lang asks for, keeping each case's identifier", () => {
    const run = runCli([...exercise("max-pool2d", "buggy/padding-as-zero.py"), "--seed", "5", "--lang", "zh-CN", "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.cases[0]).toMatchObject({ name: expect.stringMatching(/^[ -~]+$/), title: expect.stringMatching(/\p{Script=Han}/u) });
    expect(report.diagnoses[0]).toEqual({ code: "padding-as-zero", message: expect.stringContaining("最大池化") });
  });

  it("exits 1 for a graded result below full score and names the mistake", () => {
    const run = runCli([...exercise("max-pool2d", "buggy/padding-as-zero.py"), "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe("failed");
    expect(Number.isInteger(report.seed)).toBe(true);
    expect(report.diagnoses[0]).toEqual({ code: "padding-as-zero", message: expect.stringContaining("−∞") });
    expect(report.cases.some((entry: { passed: boolean }) => !entry.passed)).toBe(true);
  });

  it("prints a readable report without --json", () => {
    const run = runCli([...exercise("convolution", "buggy/flipped-kernel.py"), "--seed", "3", "--mode", "run"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("convolution (run, seed 3)");
    expect(run.stdout).toMatch(/✗ .+\n {6}img\.shape=\(\d+, \d+\)/);
    expect(run.stdout).toContain("Likely mistake:");
    expect(run.stdout).toMatch(/Score: [\d.]+ \/ 10 \(failed, \d+\/\d+ cases passed\)/);
  });

  it.each([
    [["--exercise", "convolution-v3", "--file", "x.py"], /Unknown exercise "convolution-v3"\. Exercises: .*convolution-v2/],
    [["--exercise", "conv2d", "--file", "missing.py"], /File not found: missing\.py/],
    [["--file", "exercises/conv2d/solution.py"], /--exercise <slug> is required/],
    [[...exercise("conv2d", "solution.py"), "--seed", "-1"], /Option '--seed'|--seed must be a whole number/],
    [[...exercise("conv2d", "solution.py"), "--seed", "4294967296"], /--seed must be at most 4294967295/],
    [[...exercise("conv2d", "solution.py"), "--verbose"], /Unknown option '--verbose'/],
    [[...exercise("conv2d", "solution.py"), "--lang", "fr"], /--lang must be one of en, zh-CN/],
  ])("exits 2 with a clear message for %j", (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("Usage: npm run --silent grade --");
  });

  it("exits 2 and says why when the sandbox cannot run", () => {
    const run = runCli([...exercise("conv2d", "solution.py"), "--json"], { CONVLAB_RUNNER_DIR: "/nonexistent" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("The sandbox could not grade the file");
    expect(run.stderr).toContain("/nonexistent");
  });
});

import { describe, expect, it } from "vitest";
import type { TCaseOutcome, TJob, TJobResult, TRunner } from "@runner";
import { getExerciseDefinition, readExerciseMeta } from "./exercise-files";
import { gradeSubmission, UnknownExerciseError } from "./grade-submission";
import { ZGradingResult } from "./result-schema";
import { returnedOutcome } from "./test-helpers";

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

describe("gradeSubmission", async () => {
  const meta = await readExerciseMeta("convolution");

  it("runs the sample cases on the fixed sample seed and gives full marks for the reference outputs", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    const runner = createFakeRunner(() => gradable(outcomes));
    const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner });
    expect(result).toMatchObject({ status: "passed", gradable: true, score: 10, maxScore: 10, seed: meta.cases.sampleSeed, mode: "run" });
    expect(result.cases.length).toBe(outcomes.length);
    expect(result.cases.every((entry) => entry.passed && entry.points === 10 / outcomes.length)).toBe(true);
    expect(runner.jobs[0]).toMatchObject({ source: SOURCE, functionName: "convolution", limits: meta.limits });
    expect(ZGradingResult.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it("sends the same cases for the same seed and fresh cases for each unseeded submit", async () => {
    const runner = createFakeRunner((job) => gradable(job.cases.map(() => ({ status: "not-run" }))));
    const first = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 5, runner });
    await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 5, runner });
    const fresh = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", runner });
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
    const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "submit", seed: 9, runner: createFakeRunner(() => gradable(flipped)) });
    const passed = result.cases.filter((entry) => entry.passed).length;
    expect(result.status).toBe("failed");
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThan(result.cases.length);
    expect(result.score).toBe(Math.round((10 * passed * 100) / result.cases.length) / 100);
    expect(result.diagnoses[0].code).toBe("flipped-kernel");
  });

  it("adds the expected signature when the function is missing", async () => {
    const runner = createFakeRunner(() => ({
      gradable: true,
      load: { ok: false, error: { kind: "missing-function", message: "Your file defines no function named convolution.", line: null, traceback: "" } },
      cases: [],
      outputTruncated: false,
      wallMs: 3,
    }));
    const result = await gradeSubmission({ exercise: "convolution", source: "x = 1\n", mode: "run", runner });
    expect(result).toMatchObject({ status: "error", gradable: true, score: 0, cases: [] });
    expect(result.message).toContain("Expected a function: def convolution(img, kernel, padding=1, stride=1):");
  });

  it("reports a file that takes too long to load as a timeout", async () => {
    const runner = createFakeRunner(() => ({
      gradable: true,
      load: { ok: false, error: { kind: "timeout", message: "Loading your file took longer than 10 s.", line: null, traceback: "" } },
      cases: [],
      outputTruncated: false,
      wallMs: 10_000,
    }));
    const result = await gradeSubmission({ exercise: "convolution", source: "while True: pass\n", mode: "run", runner });
    expect(result).toMatchObject({ status: "timeout", gradable: true, score: 0 });
    expect(result.message).not.toContain("Expected a function");
  });

  it("keeps credit for the cases before a timeout and names the case and the limit", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    const stopped: TCaseOutcome[] = outcomes.map((outcome, i) =>
      i < 3 ? outcome : i === 3 ? { status: "timeout", limit: "cpu", limitSeconds: 10, timeMs: 9_990, stdout: "" } : { status: "not-run" },
    );
    const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(stopped)) });
    expect(result.status).toBe("timeout");
    expect(result.score).toBe(Math.round((10 * 3 * 100) / outcomes.length) / 100);
    expect(result.message).toContain(`Case "${result.cases[3].name}" ran out of the 10 s CPU time limit`);
    expect(result.cases[4]).toMatchObject({ passed: false, timeMs: null });
  });

  it("reports a case over the memory limit as an error", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    outcomes[0] = { status: "memory", limitMb: 512, timeMs: 40, stdout: "" };
    const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
    expect(result.status).toBe("error");
    expect(result.message).toContain("512 MiB memory limit");
  });

  it("collects printed output per case", async () => {
    const outcomes = await expectedOutcomes("convolution", meta.cases.sampleSeed, "run");
    outcomes[1] = { ...(outcomes[1] as Extract<TCaseOutcome, { status: "returned" }>), stdout: "shape (4, 6)\n" };
    const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(() => gradable(outcomes)) });
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
      const result = await gradeSubmission({ exercise: "convolution", source: SOURCE, mode: "run", runner: createFakeRunner(respond) });
      expect(result).toMatchObject({ status: "error", gradable: false, score: 0, cases: [] });
      expect(result.operatorMessage).toBeTruthy();
    }
  });

  it("refuses an unknown exercise", async () => {
    const runner = createFakeRunner(() => gradable([]));
    await expect(gradeSubmission({ exercise: "../etc", source: "", mode: "run", runner })).rejects.toBeInstanceOf(UnknownExerciseError);
    expect(runner.jobs).toEqual([]);
  });
});

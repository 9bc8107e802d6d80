// How long a student waits for a Submit, and where the time goes:
//   npm run --silent bench:grading -- [--exercise build-cnn] [--seeds 10] [--json]
// `npm run bench` times the sandbox alone; a real grading also builds the cases and the trusted
// reference's outputs, judges each case and computes the mistakes' outputs for the diagnosis, all
// in TypeScript in the server's process, mostly while the sandbox runs (grade-submission.ts). This
// grades the exercise's solution.py and each of its buggy/*.py files through gradeSubmission on a
// warm sandbox of the exercise's flavour, one Submit at a time with seeds 1..SEEDS (after one
// unmeasured Submit per file), checks that the solution passes and that each buggy file gets its
// own diagnosis, and reports per kind of file: the wall time of the Submit (what the student
// waits), the sandbox's part (job sent to job ended, the TypeScript work running meanwhile), the
// rest (wall − sandbox: what the sandbox does not hide), and the CPU time of this process per
// Submit, which a loaded machine changes far less than the wall times. The load average is
// printed beside them.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createRunner } from "@runner";
import { getExerciseDefinition, getExercisesDir, isExerciseSlug, readExerciseMeta } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { timedRunner } from "./lib/timed-runner";

const ZArgs = z.object({
  exercise: z.string().refine(isExerciseSlug, { error: (issue) => `Unknown exercise "${String(issue.input)}"` }),
  seeds: z
    .string()
    .regex(/^\d+$/, { error: "--seeds must be a whole number" })
    .transform(Number)
    .pipe(z.number().min(1).max(1000, { error: "--seeds must be from 1 to 1000" })),
  json: z.boolean(),
});

interface TSample {
  wallMs: number;
  sandboxMs: number;
  cpuMs: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number) => Math.round(n * 10) / 10;

function summarise(samples: readonly TSample[]) {
  const p50 = (pick: (sample: TSample) => number) => round(percentile(samples.map(pick), 50));
  return {
    submits: samples.length,
    wallMs: { p50: p50((s) => s.wallMs), p95: round(percentile(samples.map((s) => s.wallMs), 95)) },
    sandboxMs: { p50: p50((s) => s.sandboxMs) },
    outsideSandboxMs: { p50: p50((s) => s.wallMs - s.sandboxMs) },
    cpuMs: { p50: p50((s) => s.cpuMs) },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { exercise: { type: "string", default: "build-cnn" }, seeds: { type: "string", default: "10" }, json: { type: "boolean", default: false } },
  });
  const args = ZArgs.parse(values);
  const meta = await readExerciseMeta(args.exercise);
  const definition = getExerciseDefinition(args.exercise)!;
  const dir = path.join(getExercisesDir(), args.exercise);
  // the solution must pass; each buggy file must be diagnosed with the mistake it demonstrates
  const files = [
    { file: "solution.py", kind: "correct" as const, mistake: null },
    ...definition.catalog.map((entry) => ({ file: entry.demonstratedBy, kind: "buggy" as const, mistake: entry.code })),
  ];
  const timed = timedRunner(createRunner({ poolSize: 2, startFlavours: [meta.sandbox ?? "numpy"] }));
  const samples: Record<"correct" | "buggy", TSample[]> = { correct: [], buggy: [] };
  try {
    for (const { file, kind, mistake } of files) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (let seed = 0; seed <= args.seeds; seed++) {
        const cpuBefore = process.cpuUsage();
        const start = performance.now();
        const { result } = await gradeSubmission({ exercise: args.exercise, source, mode: "submit", seed, runner: timed.runner });
        const wallMs = performance.now() - start;
        const cpu = process.cpuUsage(cpuBefore);
        const isRight = mistake === null ? result.status === "passed" : result.diagnoses.some((diagnosis) => diagnosis.code === mistake);
        if (!isRight) throw new Error(`${file}, seed ${seed}: ${result.status}, diagnoses [${result.diagnoses.map((d) => d.code)}]: the figures would mean nothing`);
        // seed 0 warms the sandbox and the JIT up
        if (seed > 0) samples[kind].push({ wallMs, sandboxMs: timed.lastJobMs(), cpuMs: (cpu.user + cpu.system) / 1000 });
      }
    }
  } finally {
    await timed.runner.close();
  }
  const figures = {
    exercise: args.exercise,
    casesPerGrading: definition.buildCases({ seed: 1, count: meta.cases.hiddenCount, generator: meta.cases.generator }).length,
    seeds: args.seeds,
    loadAverage: round(os.loadavg()[0]),
    correct: summarise(samples.correct),
    buggy: summarise(samples.buggy),
  };
  if (!args.json) {
    for (const kind of ["correct", "buggy"] as const) {
      const f = figures[kind];
      console.log(
        `${args.exercise}, ${kind} (${f.submits} Submits): wall p50 ${f.wallMs.p50} ms (p95 ${f.wallMs.p95}), sandbox ${f.sandboxMs.p50} ms, ` +
          `outside it ${f.outsideSandboxMs.p50} ms; this process's CPU ${f.cpuMs.p50} ms per Submit`,
      );
    }
    console.log(`load average ${figures.loadAverage}`);
  }
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

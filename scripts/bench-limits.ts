// How much room each exercise's time limit leaves correct code: `npm run bench:limits`.
// Grades solution.py and every accepted/*.py (including the scalar-loops.py of each exercise, the
// slowest usual student style) on SEEDS hidden Submits, one job at a time on a warm sandbox, and
// compares the slowest job's wall-clock time (an upper bound of its CPU time) with the
// exercise's CPU limit. The limit is also what an endless loop costs the machine, so it should
// be as low as the margin allows: see README, "Time limits". Prints a line per exercise and, as
// the last line, one JSON object; exits 1 if some exercise leaves less than MIN_HEADROOM.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRunner } from "@runner";
import { getExercisesDir, listExerciseSlugs, readExerciseMeta } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { timedRunner } from "./lib/timed-runner";

/** The margin every exercise keeps between its slowest accepted file and its CPU limit. */
const MIN_HEADROOM = 20;

interface TExerciseFigures {
  slowestFile: string;
  slowestJobMs: number;
  cpuLimitSeconds: number;
  wallLimitSeconds: number;
  headroom: number;
}

async function measureExercise(slug: string, timed: ReturnType<typeof timedRunner>, seeds: number): Promise<TExerciseFigures> {
  const meta = await readExerciseMeta(slug);
  const dir = path.join(getExercisesDir(), slug);
  const files = ["solution.py", ...readdirSync(path.join(dir, "accepted")).filter((file) => file.endsWith(".py")).map((file) => `accepted/${file}`)];
  let slowest = { file: "", ms: 0 };
  for (const file of files) {
    const source = readFileSync(path.join(dir, file), "utf8");
    for (let seed = 1; seed <= seeds; seed += 1) {
      const { result } = await gradeSubmission({ exercise: slug, source, mode: "submit", seed, runner: timed.runner });
      if (result.status !== "passed") throw new Error(`${slug}/${file} did not pass with seed ${seed} (${result.status}): the figures would mean nothing`);
      if (timed.lastJobMs() > slowest.ms) slowest = { file, ms: timed.lastJobMs() };
    }
  }
  return {
    slowestFile: slowest.file,
    slowestJobMs: Math.round(slowest.ms * 10) / 10,
    cpuLimitSeconds: meta.limits.cpuSeconds,
    wallLimitSeconds: meta.limits.wallSeconds,
    headroom: Math.round((meta.limits.cpuSeconds * 1000) / slowest.ms),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: "string", default: "10" } } });
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 1000) throw new Error("--seeds must be a whole number from 1 to 1000");

  const timed = timedRunner(createRunner({ poolSize: 1 }));
  const exercises: Record<string, TExerciseFigures> = {};
  try {
    for (const slug of listExerciseSlugs()) {
      const figures = await measureExercise(slug, timed, seeds);
      exercises[slug] = figures;
      process.stderr.write(
        `${slug.padEnd(18)} slowest ${figures.slowestFile.padEnd(34)} ${figures.slowestJobMs.toFixed(1).padStart(7)} ms per Submit; ` +
          `CPU limit ${figures.cpuLimitSeconds} s = ${figures.headroom}× that\n`,
      );
    }
  } finally {
    await timed.runner.close();
  }
  const minHeadroom = Math.min(...Object.values(exercises).map((figures) => figures.headroom));
  process.stdout.write(`${JSON.stringify({ seeds, minHeadroom, required: MIN_HEADROOM, exercises })}\n`);
  if (minHeadroom < MIN_HEADROOM) {
    process.stderr.write(`Some exercise leaves less than ${MIN_HEADROOM}× its slowest accepted file: raise its cpuSeconds in meta.json.\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});

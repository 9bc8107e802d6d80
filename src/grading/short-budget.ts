// The first attempt's budget for one exercise: what correct code needs, measured by running the
// exercise's model solution (solution.py) on its hidden cases, times a safety factor. Every
// submission runs under this budget first, so an endless loop holds a sandbox for about a quarter of a second
// instead of the exercise's whole limits; only what outlives it is graded again under those.
import type { TJob, TRunner } from "@runner";
import { gradeSubmission } from "./grade-submission";
import { readExerciseFile } from "./exercise-files";

/** Wall time of the model solution's job × this: room for naive loops and a busy machine. */
export const BUDGET_FACTOR = 10;
/** Below this a sandbox start on a loaded machine (a CI runner, deadline night) could already use the whole budget. */
export const MIN_BUDGET_SECONDS = 0.25;
const SAMPLES = 3;
/** Any fixed seed: the hidden cases' sizes come from the exercise's ranges, not from the seed. */
const MEASURE_SEED = 1;

/**
 * The budget's wall seconds: the wall limit is what catches a loop (the CPU limit cannot go
 * below a second: RLIMIT_CPU counts whole seconds). Null when the model solution cannot be
 * measured (it fails, or the runner is not working): the caller keeps its longer default.
 */
export async function measureShortBudget(options: { exercise: string; runner: TRunner }): Promise<number | null> {
  const { exercise, runner } = options;
  const source = await readExerciseFile(exercise, "solution.py");
  const wallMs: number[] = [];
  // The runner's own job wall time: the grader's slot waiting and comparisons are not the student's.
  const timed: TRunner = {
    run: async (job: TJob, runOptions) => {
      const result = await runner.run(job, runOptions);
      if (result.gradable) wallMs.push(result.wallMs);
      return result;
    },
    close: async () => {},
  };
  for (let i = 0; i < SAMPLES; i += 1) {
    const { result } = await gradeSubmission({ exercise, source, mode: "submit", seed: MEASURE_SEED, runner: timed });
    if (result.status !== "passed") return null;
  }
  // The quickest sample: the others include time the machine spent on something else.
  return Math.round(Math.max(MIN_BUDGET_SECONDS, (BUDGET_FACTOR * Math.min(...wallMs)) / 1000) * 1000) / 1000;
}

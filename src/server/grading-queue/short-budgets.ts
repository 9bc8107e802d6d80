// The short budget of each exercise's first attempt, measured once per runner (so once per
// grading process: the first submission of an exercise waits for it, about three gradings of the
// model solution) and used alike by the SQLite queue and the pg-boss worker.
import type { TRunner } from "@/grading/runner";
import { measureShortBudget } from "@/grading/short-budget";
import { log } from "@/server/log";
import type { TFastLaneLimits } from "./process-submission";

const measured = new WeakMap<TRunner, Map<string, Promise<number | null>>>();

/** `ceiling` is the configured fast lane (CONVLAB_FAST_LANE_SECONDS): no budget is longer, and it is the budget until one is measured. */
export async function getShortBudget(options: { runner: TRunner; exercise: string; ceiling: TFastLaneLimits }): Promise<TFastLaneLimits> {
  const { runner, exercise, ceiling } = options;
  const byExercise = measured.get(runner) ?? new Map<string, Promise<number | null>>();
  measured.set(runner, byExercise);
  let budget = byExercise.get(exercise);
  if (!budget) {
    budget = measureShortBudget({ exercise, runner }).then(
      (wallSeconds) => {
        log("grading", wallSeconds === null ? "warn" : "info", "short budget measured", { exercise, wallSeconds });
        if (wallSeconds === null) byExercise.delete(exercise);
        return wallSeconds;
      },
      (error: unknown) => {
        // Measured again next time; meanwhile the configured fast lane is the budget.
        byExercise.delete(exercise);
        log("grading", "warn", "could not measure the short budget", { exercise, error: String(error) });
        return null;
      },
    );
    byExercise.set(exercise, budget);
  }
  const wallSeconds = await budget;
  return wallSeconds === null ? ceiling : { cpuSeconds: ceiling.cpuSeconds, wallSeconds: Math.min(ceiling.wallSeconds, wallSeconds) };
}

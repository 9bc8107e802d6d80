// The short budget of each exercise's first attempt, measured once per grading process (the
// first submission of an exercise waits for it, about three gradings of the model solution) and
// shared by the SQLite queue and the pg-boss worker, so both apply the same rule.
import type { TRunner } from "@/grading/runner";
import { measureShortBudget } from "@/grading/short-budget";
import { log } from "@/server/log";
import type { TFastLaneLimits } from "./process-submission";

export class ShortBudgets {
  private readonly measured = new Map<string, Promise<TFastLaneLimits>>();

  /** `ceiling` is the configured fast lane (CONVLAB_FAST_LANE_SECONDS): no budget is longer. */
  constructor(private readonly options: { runner: TRunner; ceiling: TFastLaneLimits }) {}

  limitsFor(exercise: string): Promise<TFastLaneLimits> {
    let limits = this.measured.get(exercise);
    if (!limits) {
      limits = measureShortBudget({ exercise, ...this.options }).then(
        (budget) => {
          log("grading", "info", "short budget measured", { exercise, wallSeconds: budget.wallSeconds });
          return budget;
        },
        (error: unknown) => {
          // Measured again next time; meanwhile the configured fast lane is the budget.
          this.measured.delete(exercise);
          log("grading", "warn", "could not measure the short budget", { exercise, error: String(error) });
          return this.options.ceiling;
        },
      );
      this.measured.set(exercise, limits);
    }
    return limits;
  }
}

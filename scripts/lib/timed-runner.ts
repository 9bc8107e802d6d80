// The real runner, remembering the wall-clock time of the last job it ran (from the job reaching
// the sandbox to its end): for the benchmarks that grade through gradeSubmission and need the
// sandbox's share of a grading.
import type { TJob, TJobResult, TRunner } from "@runner";

export function timedRunner(runner: TRunner): { runner: TRunner; lastJobMs: () => number } {
  let lastJobMs = Number.NaN;
  return {
    runner: {
      run: async (job: TJob): Promise<TJobResult> => {
        const result = await runner.run(job);
        lastJobMs = result.gradable ? result.wallMs : Number.NaN;
        return result;
      },
      close: () => runner.close(),
    },
    lastJobMs: () => lastJobMs,
  };
}

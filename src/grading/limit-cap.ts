// Lowered limits for a first, short attempt (the queue's fast lane): a runner wrapper that caps a
// job's CPU and wall limits and remembers whether the job stopped at a limit it lowered. A
// timeout at the exercise's own limit is final; one at a lowered limit is not a verdict.
import type { TJob, TJobResult, TRunner } from "@runner";

export interface TLimitCap {
  cpuSeconds: number;
  wallSeconds: number;
}

/** Whether the job stopped at a limit the cap lowered (so the exercise's own limits were not reached). */
export function stoppedByLoweredLimit(result: TJobResult, lowered: { cpu: boolean; wall: boolean }): boolean {
  // A lowered wall limit can pass before a busy machine even starts the job: no verdict, and no
  // infrastructure fault either; the full limits get their chance.
  if (!result.gradable) return result.wallBeforeStart === true && lowered.wall;
  if (!result.load.ok) return result.load.error.kind === "timeout" && (lowered.cpu || lowered.wall);
  const stop = result.cases.find((outcome) => outcome.status === "timeout");
  return stop?.status === "timeout" && (stop.limit === "cpu" ? lowered.cpu : lowered.wall);
}

export function capLimits(runner: TRunner, cap: TLimitCap): { runner: TRunner; stoppedByCap: () => boolean } {
  let stoppedByCap = false;
  return {
    runner: {
      run: async (job: TJob) => {
        const lowered = { cpu: cap.cpuSeconds < job.limits.cpuSeconds, wall: cap.wallSeconds < job.limits.wallSeconds };
        const limits = {
          ...job.limits,
          cpuSeconds: Math.min(cap.cpuSeconds, job.limits.cpuSeconds),
          wallSeconds: Math.min(cap.wallSeconds, job.limits.wallSeconds),
        };
        const result = await runner.run({ ...job, limits });
        stoppedByCap = stoppedByLoweredLimit(result, lowered);
        return result;
      },
      close: async () => {},
    },
    stoppedByCap: () => stoppedByCap,
  };
}

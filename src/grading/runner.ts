// The sandbox as the rest of ConvLab sees it: src/server and the scripts reach runner/ only
// through this module and gradeSubmission (an ESLint zone keeps it so).
import { createRunner, type TRunner, type TSandboxFlavour } from "@runner";

export type { TCaseOutcome, TJob, TJobResult, TRunner, TSandboxFlavour } from "@runner";
export { checkSandbox } from "@runner";

/**
 * A warm pool of `poolSize` sandboxes; the caller decides the size (RUNNER_POOL_SIZE, see
 * src/server/env.ts) and which flavours start now (others start on their first job).
 */
export function createGradingRunner(options: { poolSize: number; startFlavours?: TSandboxFlavour[] }): TRunner {
  return createRunner({ poolSize: options.poolSize, startFlavours: options.startFlavours });
}

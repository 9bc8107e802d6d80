// Shared by the sandbox tests: building jobs and reading one case's outcome.
import {
  DEFAULT_LIMITS,
  type NdArray,
  type TCaseInput,
  type TCaseOutcome,
  type TJob,
  type TJobResult,
  type TLimits,
  type TRunner,
  type TSandboxFlavour,
} from "../src/index";

export function makeJob(source: string, cases: TCaseInput[] = [{ args: [] }], limits: Partial<TLimits> = {}): TJob {
  // Generous wall limit: these tests share a 2-core machine with builds; timing is not their point.
  return { source, functionName: "f", cases, limits: { ...DEFAULT_LIMITS, wallSeconds: 30, ...limits } };
}

export function ndarray(shape: number[], values: number[]): NdArray {
  return { kind: "ndarray", shape, data: Float64Array.from(values) };
}

/** The cases of a gradable, loaded job; fails the test otherwise. */
export function loadedCases(result: TJobResult): TCaseOutcome[] {
  if (!result.gradable) throw new Error(`not gradable: ${result.operatorMessage}`);
  if (!result.load.ok) throw new Error(`load failed: ${JSON.stringify(result.load.error)}`);
  return result.cases;
}

/** What case `index` printed, for jobs whose function reports through print(). */
export function printedBy(result: TJobResult, index = 0): string {
  const outcome = loadedCases(result)[index];
  if (!outcome || outcome.status === "not-run") throw new Error(`case ${index} did not run`);
  return outcome.stdout;
}

export function returnedValue(result: TJobResult, index = 0) {
  const outcome = loadedCases(result)[index];
  if (outcome?.status !== "returned") throw new Error(`case ${index}: ${JSON.stringify(outcome)}`);
  return outcome.value;
}

/** Python source defining f() with `body` (any common indentation removed) as its body. */
export function pythonFunction(body: string, imports = "import os, sys"): string {
  const lines = body.split("\n").filter((line) => line.trim() !== "");
  const common = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  const indented = lines.map((line) => `    ${line.slice(common)}`).join("\n");
  return `${imports}\n\ndef f():\n${indented}\n`;
}

/** Every sandbox flavour: the attack tests run under each. */
export const SANDBOX_FLAVOURS = ["numpy", "torch"] as const satisfies readonly TSandboxFlavour[];

/** Runs every job of a test in one flavour's sandbox (the pool is created in beforeAll, hence lazy). */
export function inFlavour(pool: () => TRunner, flavour: TSandboxFlavour): Pick<TRunner, "run"> {
  return { run: (job, options) => pool().run({ ...job, sandbox: flavour }, options) };
}

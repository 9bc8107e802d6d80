// Public entry point of the sandboxed Python runner (see runner/README.md).
export type * from "./types";
export { DEFAULT_LIMITS, createRunner } from "./create-runner";
export { describeSignal } from "./assemble-result";
export { checkSandbox } from "./check-sandbox";

// Public entry point of the sandboxed Python runner (see runner/README.md).
export type * from "./types";

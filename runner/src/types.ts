// The runner's contract: what a job carries into the sandbox and what comes back.
// The runner never sees expected outputs; comparison happens in src/grading.

/** A float64 n-dimensional array, row-major. Sent to Python as raw little-endian bytes. */
export interface NdArray {
  kind: "ndarray";
  shape: number[];
  data: Float64Array;
}

/**
 * An argument value. JS arrays arrive in Python as tuples; objects as dicts;
 * numbers that are integers (Number.isInteger) as int, others as float; NdArray as numpy float64.
 */
export type TRunnerValue =
  | number
  | boolean
  | null
  | string
  | NdArray
  | TRunnerValue[]
  | { [key: string]: TRunnerValue };

export interface TCaseInput {
  args: TRunnerValue[];
  kwargs?: Record<string, TRunnerValue>;
}

export interface TLimits {
  /** CPU seconds for the whole job (all cases). */
  cpuSeconds: number;
  /** Wall-clock seconds for the whole job. */
  wallSeconds: number;
  /** Address-space limit in MiB. */
  memoryMb: number;
  /** Cap on the student's printed output (stdout + stderr), in bytes, for the whole job. */
  outputBytes: number;
}

export interface TJob {
  source: string;
  functionName: string;
  cases: TCaseInput[];
  limits: TLimits;
}

/** What the student's function returned. */
export type TReturned =
  | {
      kind: "array";
      /** numpy.asarray(value).shape; a Python int/float gives shape []. */
      shape: number[];
      /** the values converted to float64 (NaN and ±Infinity preserved). */
      data: Float64Array;
      /** numpy dtype name before conversion, e.g. "float64", "float32", "int64", "object". */
      dtype: string;
      /** Python type name of the returned object, e.g. "ndarray", "list", "tuple", "int". */
      pyType: string;
    }
  | {
      kind: "other";
      pyType: string;
      /** A short human description: "None", "a str: 'abc'", "a ragged list", "a dict with keys ...". */
      description: string;
    };

export interface TRaised {
  type: string;
  message: string;
  /** traceback trimmed to frames in the student's own file */
  traceback: string;
  /** line number in the student's file of the innermost student frame, if any */
  line: number | null;
}

export type TCaseOutcome =
  | { status: "returned"; value: TReturned; timeMs: number; stdout: string }
  | { status: "raised"; error: TRaised; timeMs: number; stdout: string }
  /** this case exceeded the CPU or wall limit; later cases did not run */
  | { status: "timeout"; limit: "cpu" | "wall"; limitSeconds: number; timeMs: number; stdout: string }
  /** this case hit the memory limit (MemoryError or killed by the address-space limit) */
  | { status: "memory"; limitMb: number; timeMs: number; stdout: string }
  /** an earlier case timed out / crashed the worker, so this one never ran */
  | { status: "not-run" };

/** The student's file could not be loaded, so no case ran. */
export interface TLoadError {
  kind: "syntax" | "missing-function" | "not-callable" | "import" | "exception" | "timeout" | "memory";
  /** a clear, student-facing message (line numbers for syntax errors; the expected signature is added by the grader) */
  message: string;
  line: number | null;
  traceback: string;
  /** what the file printed while loading, if anything (capped like case output) */
  stdout?: string;
}

export type TJobResult =
  | {
      gradable: true;
      load: { ok: true } | { ok: false; error: TLoadError };
      /** one entry per job case, same order; empty when load failed */
      cases: TCaseOutcome[];
      /** whether some printed output was dropped because of limits.outputBytes */
      outputTruncated: boolean;
      wallMs: number;
    }
  | {
      /** an infrastructure fault: never costs the student an attempt */
      gradable: false;
      /** short reason for the student ("The grader is temporarily unavailable") */
      reason: string;
      /** what the operator must fix ("bubblewrap is not installed: apt-get install bubblewrap") */
      operatorMessage: string;
    };

export interface TRunOptions {
  /**
   * "low" (interactive runs): waits until no "normal" job (graded submissions) is waiting, so
   * queued submissions always get the next free slot. Default "normal".
   */
  priority?: "normal" | "low";
}

export interface TRunner {
  run(job: TJob, options?: TRunOptions): Promise<TJobResult>;
  /** stops all pooled workers; pending runs resolve as not gradable */
  close(): Promise<void>;
}

export interface TRunnerOptions {
  /** number of warm workers kept ready; default 2 (the app passes RUNNER_POOL_SIZE) */
  poolSize?: number;
  /** "warm" (pool, default) or "cold" (a fresh sandbox started per job) */
  mode?: "warm" | "cold";
  /** bubblewrap binary; default /usr/bin/bwrap (tests point it elsewhere to simulate a broken host) */
  bwrapPath?: string;
  /** Debian's python3 with python3-numpy and python3-seccomp; default /usr/bin/python3 */
  pythonPath?: string;
}

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

/**
 * Which warm zygote runs a job: "numpy" (default, the light one) or "torch" (also imports torch,
 * pinned to one thread and warmed up before any child is forked).
 */
export type TSandboxFlavour = "numpy" | "torch";

/**
 * The grader's case code, for exercises whose student object is not called directly (an nn.Module
 * class to instantiate, load weights into and run): Python source loaded as the module `grader.py`
 * after the student's file; every case calls `functionName(studentObject, *args, **kwargs)`.
 */
export interface TDriver {
  source: string;
  functionName: string;
}

export interface TJob {
  source: string;
  functionName: string;
  cases: TCaseInput[];
  limits: TLimits;
  /** default "numpy" */
  sandbox?: TSandboxFlavour;
  driver?: TDriver;
}

/**
 * A returned value that is not a numeric array, as data: the grader words it in the reader's
 * language. Reprs are Python's own text, cut to 80 characters.
 */
export type TOtherForm =
  | { kind: "none" }
  /** a str, bytes or bytearray, or a 0-d non-numeric array: its repr */
  | { kind: "scalar"; repr: string }
  /** repr of the list of its first 8 keys */
  | { kind: "dict"; keys: string }
  /** a list or tuple whose rows have different lengths */
  | { kind: "ragged" }
  /** numpy.asarray raised this (Python's message, cut to 200 characters) */
  | { kind: "unconvertible"; error: string }
  | { kind: "too-large"; shape: number[]; maxElements: number }
  | { kind: "complex"; shape: number[] }
  | { kind: "strings"; shape: number[] }
  /** an object array holding `item` (its repr), of Python type itemType */
  | { kind: "non-number"; shape: number[]; item: string; itemType: string }
  /** any other non-numeric numpy dtype */
  | { kind: "dtype"; dtype: string };

/** A numeric array the student's code returned, converted to float64. */
export interface TReturnedArray {
  /** numpy.asarray(value).shape; a Python int/float gives shape []. */
  shape: number[];
  /** the values converted to float64 (NaN and ±Infinity preserved). */
  data: Float64Array;
  /** numpy dtype name before conversion, e.g. "float64", "float32", "int64", "object". */
  dtype: string;
  /** Python type name of the returned object, e.g. "ndarray", "list", "tuple", "int". */
  pyType: string;
}

/** What the student's function returned. */
export type TReturned =
  | ({ kind: "array" } & TReturnedArray)
  /**
   * A tuple or list (pyType) of at most 64 numeric arrays that numpy cannot stack because their
   * shapes differ, e.g. (dfeatures, dweights) or a list of layer shapes. Items of one shape stack
   * into a single "array" whose first axis is the list.
   */
  | { kind: "arrays"; pyType: string; items: TReturnedArray[] }
  | { kind: "other"; pyType: string; form: TOtherForm };

/** A Python exception, in Python's own words. */
export interface TRaised {
  type: string;
  message: string;
  /** traceback trimmed to frames in the student's own file */
  traceback: string;
  /** line number in the student's file of the innermost student frame, if any */
  line: number | null;
}

/** How a program ended that Python could not report itself: the runner's own observation. */
export type TRunnerEnding =
  /** killed by this signal number (other than the CPU limit's) */
  | { kind: "signal"; signal: number }
  /** exited, e.g. by os._exit(), before it reported every case */
  | { kind: "exit"; code: number | null }
  /** sent more than the runner accepts from one job */
  | { kind: "result-too-large"; limitMb: number }
  /** closed its result channel and kept running */
  | { kind: "channel-closed" }
  /** wrote to its private result channel, so none of its later results can be trusted */
  | { kind: "channel-violation" };

export type TCaseOutcome =
  | { status: "returned"; value: TReturned; timeMs: number; stdout: string }
  | { status: "raised"; error: TRaised; timeMs: number; stdout: string }
  /** the program ended during this case without Python reporting why; later cases did not run */
  | { status: "ended"; ending: TRunnerEnding; timeMs: number; stdout: string }
  /** this case exceeded the CPU or wall limit; later cases did not run */
  | { status: "timeout"; limit: "cpu" | "wall"; limitSeconds: number; timeMs: number; stdout: string }
  /** this case hit the memory limit (MemoryError or killed by the address-space limit) */
  | { status: "memory"; limitMb: number; timeMs: number; stdout: string }
  /** an earlier case timed out / crashed the worker, so this one never ran */
  | { status: "not-run" };

/** The student's file could not be loaded, so no case ran. Data only: the grader words it. */
export type TLoadError = (
  /** SyntaxError (with its line), or a source Python cannot compile at all (null bytes, nesting) */
  | { kind: "syntax"; error: TRaised }
  /** the file defines no such name; `suggestion` is a close name it does define */
  | { kind: "missing-function"; suggestion: string | null }
  /** the name is bound to something that is not callable, of this Python type */
  | { kind: "not-callable"; pyType: string }
  /** top-level code raised: ImportError, MemoryError, or anything else */
  | { kind: "import" | "memory" | "exception"; error: TRaised }
  | { kind: "timeout"; limit: "cpu" | "wall"; limitSeconds: number }
  | { kind: "ended"; ending: TRunnerEnding }
) & {
  /** what the file printed while loading, if anything (capped like case output) */
  stdout?: string;
};

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
      /**
       * set when the job's wall-clock deadline passed before the child started the job (a machine
       * too busy to start it in time; no student code ran), so a caller that lowered the wall
       * limit knows that its own limit, not the sandbox, ended the job
       */
      wallBeforeStart?: true;
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
  /**
   * Flavours whose warm sandbox starts with the runner (default ["numpy"]); any other starts on its
   * first job. The app adds "torch" when an assignment uses a torch exercise, since importing torch
   * takes seconds.
   */
  startFlavours?: TSandboxFlavour[];
  /** "warm" (pool, default) or "cold" (a fresh sandbox started per job) */
  mode?: "warm" | "cold";
  /** bubblewrap binary; default /usr/bin/bwrap (tests point it elsewhere to simulate a broken host) */
  bwrapPath?: string;
  /** Debian's python3 with python3-numpy and python3-seccomp; default /usr/bin/python3 */
  pythonPath?: string;
}

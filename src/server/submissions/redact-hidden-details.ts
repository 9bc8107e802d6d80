// A stored grading result with the data of its hidden cases taken out, for a student who may not
// see it yet (the assignment's hiddenDetailsRelease): the verdict, score, per-case pass or fail and diagnoses stay;
// inputs, expected and returned values, the seed that regenerates them, and what the code printed
// (a print(img) would show the inputs) go, and so does the operator's note, which is for staff.
// A failing case that raised keeps the exception's type and line in the student's file, not its
// message, which can quote the case's data; a case stopped by a time or memory limit keeps its message. Load errors stay whole: the student's file is loaded
// before any case exists in the sandbox, so they cannot hold case data.
import { z } from "zod";
import { message, type TMessage, type TMessageCode } from "@/grading/result-format";
import { ZCaseResult, ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import type { TReleaseWait } from "@/server/assignments/release";

/**
 * Exception types shown for a hidden case: Python's and numpy's own. A class the student defines
 * could be named after the case's data (type(f"E{value}", (Exception,), {})), so it is not shown.
 */
const SHOWN_EXCEPTION_TYPES = new Set(["ArithmeticError", "AssertionError", "AttributeError", "AxisError", "BaseException", "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "EOFError", "EnvironmentError", "Exception", "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "GeneratorExit", "IOError", "ImportError", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LinAlgError", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "ValueError", "ZeroDivisionError"
]);

/**
 * Case endings whose messages hold only the grader's limits. A crash (caseEnded) is not one: its
 * exit status is the student's to choose, so it could carry the case's data.
 */
const STOP_CODES = new Set<TMessageCode>(["caseTimeout", "caseMemory", "caseNotRun"]);

/** What stands in for a failing hidden case's message, which names its parameters and values. */
export function hideCaseMessage(shown: TMessage): TMessage {
  const text = shown.code === "caseFailed" ? shown.params.text : null;
  if (typeof text !== "object" || text === null) return message("caseHidden");
  // How the program was stopped (limits, a crash) says nothing about the case's data.
  if (STOP_CODES.has(text.code)) return text;
  if (text.code !== "caseRaised") return message("caseHidden");
  const { type, at } = text.params;
  if (typeof type !== "string" || !SHOWN_EXCEPTION_TYPES.has(type)) return message("caseHidden");
  return message("caseHiddenRaised", { type, at: typeof at === "object" ? at : null });
}

/** Every key required, optional ones too (their value may still be undefined): see below. */
type TEveryKey<T> = { [K in keyof Required<T>]: K extends keyof T ? T[K] : never };

export const ZRedactedGradingResult = ZGradingResult.extend({
  seed: z.null(),
  operatorMessage: z.null(),
  stdout: z.literal(""),
  cases: z.array(ZCaseResult.extend({ params: z.strictObject({}), detail: z.null(), layerShapes: z.undefined().optional() }).strict()),
  /** what the data waits for (the student's due date, in the assignment's zone, or staff's publish), for the notice in its place */
  detailsHiddenUntil: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("due"), dueAt: z.iso.datetime(), timeZone: z.string() }),
    z.strictObject({ kind: z.literal("publish") }),
  ]),
}).strict();
export type TRedactedGradingResult = z.infer<typeof ZRedactedGradingResult>;

/** What a viewer of a submission receives: the whole result, or the redacted one. */
export type TShownGradingResult = TGradingResult | TRedactedGradingResult;

export function redactHiddenCaseDetails(result: TGradingResult, hiddenUntil: TReleaseWait): TRedactedGradingResult {
  // Every field is named, not spread: a field added to the result schema must be added here on
  // purpose (TypeScript insists, TEveryKey even for optional fields), so new case data cannot slip
  // through unnoticed.
  const redacted: TEveryKey<TRedactedGradingResult> = {
    version: result.version,
    exercise: result.exercise,
    mode: result.mode,
    status: result.status,
    gradable: result.gradable,
    score: result.score,
    maxScore: result.maxScore,
    seed: null,
    message: result.message,
    operatorMessage: null,
    cases: result.cases.map((c): TEveryKey<TRedactedGradingResult["cases"][number]> => ({
      name: c.name,
      // case names say which situation a case tests, never its data
      title: c.title,
      points: c.points,
      passed: c.passed,
      message: c.passed ? c.message : hideCaseMessage(c.message),
      params: {},
      timeMs: c.timeMs,
      detail: null,
      // the shapes follow from the case's batch size, which is its data
      layerShapes: undefined,
    })),
    diagnoses: result.diagnoses,
    stdout: "",
    stdoutTruncated: false,
    timing: result.timing,
    detailsHiddenUntil: hiddenUntil,
  };
  return redacted;
}

/** A stored result as its viewer gets it: parsed, and redacted while the hidden cases' data must wait (hiddenUntil). */
export function showStoredResult(stored: unknown, hiddenUntil: TReleaseWait | null): TShownGradingResult | null {
  const parsed = stored === null ? null : ZGradingResult.safeParse(stored);
  if (!parsed?.success) return null;
  return hiddenUntil ? redactHiddenCaseDetails(parsed.data, hiddenUntil) : parsed.data;
}

// The student's own error in a grading result, read from its messages: whether the file failed to
// load, whether a case ended in an error rather than a wrong answer, and the line of the student's
// file that the load error or the first raising case points at. Reads full and redacted results
// alike (the redaction keeps the exception's type and line), so the page and the editor marker
// show the same thing whoever looks.
import type { TMessage, TMessageCode, TMessageParam } from "./result-format";

/** Load errors that mean the file never became a gradable function; a load timeout or crash is not one. */
const LOAD_FAILURE_CODES = new Set<TMessageCode>(["loadSyntax", "loadSyntaxNoLine", "loadMissingFunction", "loadNotCallable", "loadException"]);

/** What a case stopped with when it did not return: the student's error, not a wrong answer. */
const CASE_ERROR_CODES = new Set<TMessageCode>(["caseRaised", "caseEnded", "caseTimeout", "caseMemory", "caseHiddenRaised"]);

function nested(param: TMessageParam | undefined): TMessage | null {
  return typeof param === "object" && param !== null ? param : null;
}

function lineParam(text: TMessage | null): number | null {
  const line = text?.params.line;
  return typeof line === "number" ? line : null;
}

/** The message a case's verdict wraps ("{params}: {text}"), or the message itself when unwrapped (redacted). */
function innerCaseMessage(shown: TMessage): TMessage {
  return shown.code === "caseFailed" ? (nested(shown.params.text) ?? shown) : shown;
}

export function isLoadFailure(result: { gradable: boolean; message: TMessage | null }): boolean {
  return result.gradable && result.message !== null && LOAD_FAILURE_CODES.has(result.message.code);
}

export function isCaseError(caseMessage: TMessage): boolean {
  return CASE_ERROR_CODES.has(innerCaseMessage(caseMessage).code);
}

function findLoadErrorLine(loadMessage: TMessage): number | null {
  if (loadMessage.code === "loadSyntax") return lineParam(loadMessage);
  if (loadMessage.code === "loadException" || loadMessage.code === "loadMemory") return lineParam(nested(loadMessage.params.where));
  return null;
}

function findRaisedLine(caseMessage: TMessage): number | null {
  const inner = innerCaseMessage(caseMessage);
  if (inner.code !== "caseRaised" && inner.code !== "caseHiddenRaised") return null;
  return lineParam(nested(inner.params.at));
}

/** The line to mark in the editor, with the message to show on it: the load error's, else the first raising case's. */
export function findErrorLine(result: {
  message: TMessage | null;
  cases: readonly { passed: boolean; message: TMessage }[];
}): { line: number; message: TMessage } | null {
  const loadLine = result.message ? findLoadErrorLine(result.message) : null;
  if (result.message && loadLine !== null) return { line: loadLine, message: result.message };
  for (const caseResult of result.cases) {
    const line = caseResult.passed ? null : findRaisedLine(caseResult.message);
    if (line !== null) return { line, message: caseResult.message };
  }
  return null;
}

import { describe, expect, it } from "vitest";
import { describeRaised } from "./case-feedback";
import { findErrorLine, isCaseError, isLoadFailure } from "./error-location";
import { message } from "./result-format";

const raisedAt = (line: number | null) =>
  message("caseFailed", { params: "x=1", text: describeRaised({ type: "NotImplementedError", message: "todo", line }) });
/** What the server's redaction leaves of a raise (redact-hidden-details.ts): type and line. */
const hiddenRaisedAt = (line: number) => message("caseHiddenRaised", { type: "NotImplementedError", at: message("caseRaisedAt", { line }) });
const wrong = message("caseFailed", { params: "x=1", text: message("wrongShape", { expected: "(2,)", actual: "(3,)" }) });

describe("error-location", () => {
  it("tells load failures from a load timeout and from results that loaded", () => {
    expect(isLoadFailure({ gradable: true, message: message("loadSyntax", { type: "SyntaxError", message: "bad", line: 3 }) })).toBe(true);
    expect(isLoadFailure({ gradable: true, message: message("loadMissingFunction", { name: "f", suggestion: null, signature: "f()" }) })).toBe(true);
    expect(isLoadFailure({ gradable: true, message: message("loadTimeout", { seconds: 1, limit: null }) })).toBe(false);
    expect(isLoadFailure({ gradable: true, message: null })).toBe(false);
    expect(isLoadFailure({ gradable: false, message: message("loadSyntax", {}) })).toBe(false);
  });

  it("calls a raise an error and a wrong answer not, redacted or not", () => {
    expect(isCaseError(raisedAt(4))).toBe(true);
    expect(isCaseError(hiddenRaisedAt(4))).toBe(true);
    expect(isCaseError(wrong)).toBe(false);
    expect(isCaseError(message("caseHidden"))).toBe(false);
  });

  it("points at the syntax error's line, else the first raising case's, also after redaction", () => {
    const syntax = message("loadSyntax", { type: "SyntaxError", message: "bad", line: 7 });
    expect(findErrorLine({ message: syntax, cases: [] })).toEqual({ line: 7, message: syntax });
    const cases = [
      { passed: false, message: wrong },
      { passed: false, message: raisedAt(null) },
      { passed: false, message: raisedAt(12) },
      { passed: false, message: raisedAt(15) },
    ];
    expect(findErrorLine({ message: null, cases })?.line).toBe(12);
    expect(findErrorLine({ message: null, cases: [{ passed: false, message: message("caseHidden") }, { passed: false, message: hiddenRaisedAt(12) }] })?.line).toBe(12);
    const stopped = message("stopTimeout", { case: "big", seconds: 1, limit: null });
    expect(findErrorLine({ message: stopped, cases })?.line).toBe(12);
    expect(findErrorLine({ message: null, cases: [{ passed: false, message: wrong }] })).toBeNull();
  });
});

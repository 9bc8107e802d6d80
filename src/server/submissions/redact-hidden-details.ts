// A stored grading result with the data of its hidden cases taken out, for a student who may not
// see it before the due date: the verdict, score, per-case pass or fail and diagnoses stay;
// inputs, expected and returned values, the seed that regenerates them, and what the code printed
// (a print(img) would show the inputs) go, and so does the operator's note, which is for staff.
import { z } from "zod";
import { ZCaseResult, ZGradingResult, type TGradingResult } from "@/grading/result-schema";

/** Stands in for a failing case's message, which names its parameters and values. */
export const HIDDEN_CASE_MESSAGE = "Failed. The data of this hidden case is shown after the due date.";
export const HIDDEN_CASE_MESSAGE_ZH = "未通过。截止时间过后显示这个隐藏用例的数据。";

/** Every key required, optional ones too (their value may still be undefined): see below. */
type TEveryKey<T> = { [K in keyof Required<T>]: K extends keyof T ? T[K] : never };

export const ZRedactedGradingResult = ZGradingResult.extend({
  seed: z.null(),
  operatorMessage: z.null(),
  stdout: z.literal(""),
  cases: z.array(ZCaseResult.extend({ params: z.strictObject({}), detail: z.null() }).strict()),
  /** when and in which time zone the data shows, for the notice in its place */
  detailsHiddenUntil: z.strictObject({ dueAt: z.iso.datetime(), timeZone: z.string() }),
}).strict();
export type TRedactedGradingResult = z.infer<typeof ZRedactedGradingResult>;

/** What a viewer of a submission receives: the whole result, or the redacted one. */
export type TShownGradingResult = TGradingResult | TRedactedGradingResult;

export function redactHiddenCaseDetails(result: TGradingResult, hiddenUntil: { dueAt: Date; timeZone: string }): TRedactedGradingResult {
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
    messageZh: result.messageZh,
    operatorMessage: null,
    cases: result.cases.map((c): TEveryKey<TRedactedGradingResult["cases"][number]> => ({
      name: c.name,
      // case names say which situation a case tests, never its data: both languages stay
      nameZh: c.nameZh,
      points: c.points,
      passed: c.passed,
      message: c.passed ? c.message : HIDDEN_CASE_MESSAGE,
      messageZh: c.passed ? c.messageZh : HIDDEN_CASE_MESSAGE_ZH,
      params: {},
      timeMs: c.timeMs,
      detail: null,
    })),
    diagnoses: result.diagnoses,
    stdout: "",
    stdoutTruncated: false,
    timing: result.timing,
    detailsHiddenUntil: { dueAt: hiddenUntil.dueAt.toISOString(), timeZone: hiddenUntil.timeZone },
  };
  return redacted;
}

import { describe, expect, it } from "vitest";
import type { TCaseOutcome, TRunner } from "@/grading/runner";
import { getExerciseDefinition, readExerciseMeta } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { ZGradingResult } from "@/grading/result-schema";
import { returnedOutcome } from "@/grading/test-helpers";
import { HIDDEN_CASE_MESSAGE, HIDDEN_CASE_MESSAGE_ZH, redactHiddenCaseDetails, ZRedactedGradingResult } from "./redact-hidden-details";

const SEED = 11;
const DUE = { dueAt: new Date("2026-03-01T15:59:00Z"), timeZone: "Asia/Shanghai" };

/** A real Submit result: odd cases return the flipped-kernel output (heatmaps, a diagnosis), even ones the right answer. */
async function gradeHalfFlipped() {
  const meta = await readExerciseMeta("convolution");
  const cases = getExerciseDefinition("convolution")!.buildCases({ seed: SEED, count: meta.cases.hiddenCount, generator: meta.cases.generator });
  const outcomes: TCaseOutcome[] = cases.map((gradingCase, i) => {
    const flipped = gradingCase.computeVariants().find((v) => v.mistake.code === "flipped-kernel")!.candidates[0]!;
    const outcome = returnedOutcome(i % 2 === 1 ? flipped : gradingCase.expected);
    return i === 0 ? { ...outcome, stdout: "debug line\n" } : outcome;
  });
  const runner: TRunner = {
    run: async () => ({ gradable: true, load: { ok: true }, cases: outcomes, outputTruncated: false, wallMs: 5 }),
    close: async () => {},
  };
  return (await gradeSubmission({ exercise: "convolution", source: "def convolution(img, kernel, padding=1, stride=1): ...\n", mode: "submit", seed: SEED, runner })).result;
}

describe("redactHiddenCaseDetails", async () => {
  const result = await gradeHalfFlipped();
  const failing = result.cases.filter((c) => !c.passed);

  it("starts from a result that does carry case data, so the checks below mean something", () => {
    expect(result.status).toBe("failed");
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.some((c) => c.detail !== null)).toBe(true);
    expect(failing.every((c) => /expected/.test(c.message))).toBe(true);
    expect(failing.every((c) => /期望/.test(c.messageZh!) && c.messageZh!.includes("img.shape="))).toBe(true);
    expect(result.diagnoses.map((d) => d.code)).toContain("flipped-kernel");
  });

  it("takes out every input, expected and returned value, the parameters and the seed", () => {
    const redacted = redactHiddenCaseDetails(result, DUE);
    const json = JSON.stringify(redacted);
    expect(ZRedactedGradingResult.parse(JSON.parse(json))).toEqual(redacted);
    expect(redacted.seed).toBeNull();
    expect(redacted.cases.every((c) => c.detail === null && Object.keys(c.params).length === 0)).toBe(true);
    expect(redacted.cases.filter((c) => !c.passed).every((c) => c.message === HIDDEN_CASE_MESSAGE)).toBe(true);
    expect(redacted.cases.filter((c) => !c.passed).every((c) => c.messageZh === HIDDEN_CASE_MESSAGE_ZH)).toBe(true);
    for (const key of ['"values"', '"firstWrong"', '"expectedShape"', '"img.shape"', "output[", "padding_img["]) expect(json).not.toContain(key);
    for (const c of failing) {
      expect(json).not.toContain(c.message);
      expect(json).not.toContain(c.messageZh);
    }
  });

  it("keeps the verdict, the score, each case's pass or fail and the diagnoses, but not the printed output", () => {
    const redacted = redactHiddenCaseDetails(result, DUE);
    expect(redacted).toMatchObject({ status: result.status, score: result.score, maxScore: result.maxScore, mode: "submit", gradable: true });
    expect(redacted.cases.map((c) => [c.name, c.nameZh, c.passed, c.points, c.timeMs])).toEqual(
      result.cases.map((c) => [c.name, c.nameZh, c.passed, c.points, c.timeMs]),
    );
    expect(redacted.cases.every((c) => /\p{Script=Han}/u.test(c.nameZh!))).toBe(true);
    expect(redacted.cases.filter((c) => c.passed).map((c) => c.message)).toEqual(result.cases.filter((c) => c.passed).map((c) => c.message));
    expect(redacted.cases.filter((c) => c.passed).map((c) => c.messageZh)).toEqual(result.cases.filter((c) => c.passed).map(() => "通过。"));
    expect(redacted.diagnoses).toEqual(result.diagnoses);
    // Printed output could show the inputs (print(img)): it waits for the due date too.
    expect(result.stdout).toContain("debug line");
    expect(redacted.stdout).toBe("");
    expect(redacted.detailsHiddenUntil).toEqual({ dueAt: "2026-03-01T15:59:00.000Z", timeZone: "Asia/Shanghai" });
  });

  it("keeps the top-level message in both languages: it names no case data", () => {
    const stopped = { ...result, status: "timeout" as const, message: 'Case "random 2" ran out of the 1 s CPU time limit.', messageZh: "用例“random 2”用完了 1 秒的 CPU 时间限制。" };
    const redacted = redactHiddenCaseDetails(stopped, DUE);
    expect([redacted.message, redacted.messageZh]).toEqual([stopped.message, stopped.messageZh]);
  });

  it("redacts a result stored before messageZh and nameZh existed, which still has none", () => {
    const old = { ...result, messageZh: undefined, cases: result.cases.map((c) => ({ ...c, nameZh: undefined, messageZh: undefined })) };
    const redacted = ZRedactedGradingResult.parse(JSON.parse(JSON.stringify(redactHiddenCaseDetails(old, DUE))));
    expect(redacted.messageZh).toBeUndefined();
    expect(redacted.cases.every((c) => c.nameZh === undefined)).toBe(true);
    expect(redacted.cases.filter((c) => c.passed).every((c) => c.messageZh === undefined)).toBe(true);
    expect(redacted.cases.filter((c) => !c.passed).every((c) => c.messageZh === HIDDEN_CASE_MESSAGE_ZH)).toBe(true);
  });

  it("leaves the stored result untouched", () => {
    const before = structuredClone(result);
    redactHiddenCaseDetails(result, DUE);
    expect(result).toEqual(before);
    expect(ZGradingResult.parse(result)).toEqual(before);
  });

  it("is not a valid full result, so it cannot be stored or regraded by mistake", () => {
    expect(ZGradingResult.safeParse(redactHiddenCaseDetails(result, DUE)).success).toBe(false);
  });
});

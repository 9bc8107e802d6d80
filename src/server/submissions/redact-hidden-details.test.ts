import { describe, expect, it } from "vitest";
import type { TCaseOutcome, TRunner } from "@/grading/runner";
import { getExerciseDefinition, readExerciseMeta } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { message, type TMessage } from "@/grading/result-format";
import { ZGradingResult } from "@/grading/result-schema";
import { inChinese, inEnglish, returnedOutcome } from "@/grading/test-helpers";
import { redactHiddenCaseDetails, ZRedactedGradingResult } from "./redact-hidden-details";

const SEED = 11;
const DUE = { kind: "due" as const, dueAt: "2026-03-01T15:59:00.000Z", timeZone: "Asia/Shanghai" };

/**
 * A real Submit result from a student who flips the kernel on every case (heatmaps, a diagnosis:
 * the grader names a mistake only when it shows on most cases where it can). Degenerate cases,
 * where flipping changes nothing, pass.
 */
async function gradeFlipped(raisedAt?: { index: number; type: string; message: string; line: number }) {
  const meta = await readExerciseMeta("convolution");
  const cases = getExerciseDefinition("convolution")!.buildCases({ seed: SEED, count: meta.cases.hiddenCount, generator: meta.cases.generator });
  const outcomes: TCaseOutcome[] = cases.map((gradingCase, i) => {
    const flipped = gradingCase.computeVariants().find((v) => v.mistake.code === "flipped-kernel")!.candidates[0];
    const outcome = returnedOutcome(flipped ?? gradingCase.expected);
    if (raisedAt?.index === i) return { status: "raised", error: { ...raisedAt, traceback: "" }, timeMs: 1, stdout: "" };
    return i === 0 ? { ...outcome, stdout: "debug line\n" } : outcome;
  });
  const runner: TRunner = {
    run: async () => ({ gradable: true, load: { ok: true }, cases: outcomes, outputTruncated: false, wallMs: 5 }),
    close: async () => {},
  };
  return (await gradeSubmission({ exercise: "convolution", source: "def convolution(img, kernel, padding=1, stride=1): ...\n", mode: "submit", seed: SEED, runner })).result;
}

describe("redactHiddenCaseDetails", async () => {
  const result = await gradeFlipped();
  const failing = result.cases.filter((c) => !c.passed);

  it("starts from a result that does carry case data, so the checks below mean something", () => {
    expect(result.status).toBe("failed");
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.some((c) => c.detail !== null)).toBe(true);
    expect(failing.every((c) => /expected/.test(inEnglish(c.message)))).toBe(true);
    expect(failing.every((c) => /期望/.test(inChinese(c.message)) && inChinese(c.message).includes("img.shape="))).toBe(true);
    expect(result.diagnoses.map((d) => d.code)).toContain("flipped-kernel");
  });

  it("takes out every input, expected and returned value, the parameters and the seed", () => {
    const redacted = redactHiddenCaseDetails(result, DUE);
    const json = JSON.stringify(redacted);
    expect(ZRedactedGradingResult.parse(JSON.parse(json))).toEqual(redacted);
    expect(redacted.seed).toBeNull();
    expect(redacted.cases.every((c) => c.detail === null && Object.keys(c.params).length === 0)).toBe(true);
    expect(redacted.cases.filter((c) => !c.passed).every((c) => c.message.code === "caseHidden")).toBe(true);
    expect(inChinese(redacted.cases.find((c) => !c.passed)!.message)).toBe("未通过。这个隐藏用例的数据稍后显示（见上方说明）。");
    for (const key of ['"values"', '"firstWrong"', '"expectedShape"', '"img.shape"', "output[", "padding_img["]) expect(json).not.toContain(key);
    for (const c of failing) expect(json).not.toContain(JSON.stringify(c.message));
  });

  it("takes out a layer-shape table, whose shapes carry the case's batch size", () => {
    const withTable = { ...result, cases: result.cases.map((c) => ({ ...c, layerShapes: { rows: [{ expected: { layer: message("layerConv"), shape: [7, 16, 28, 28] }, actual: null }], firstDifferent: 0 } })) };
    const redacted = redactHiddenCaseDetails(withTable, DUE);
    expect(redacted.cases.every((c) => c.layerShapes === undefined)).toBe(true);
    expect(JSON.stringify(redacted)).not.toContain("layerConv");
  });

  it("keeps the verdict, the score, each case's pass or fail and the diagnoses, but not the printed output", () => {
    const redacted = redactHiddenCaseDetails(result, DUE);
    expect(redacted).toMatchObject({ status: result.status, score: result.score, maxScore: result.maxScore, mode: "submit", gradable: true });
    expect(redacted.cases.map((c) => [c.name, c.title, c.passed, c.points, c.timeMs])).toEqual(
      result.cases.map((c) => [c.name, c.title, c.passed, c.points, c.timeMs]),
    );
    expect(redacted.cases.every((c) => /\p{Script=Han}/u.test(inChinese(c.title)))).toBe(true);
    expect(redacted.cases.filter((c) => c.passed).map((c) => c.message)).toEqual(result.cases.filter((c) => c.passed).map(() => message("casePassed")));
    expect(redacted.diagnoses).toEqual(result.diagnoses);
    // Printed output could show the inputs (print(img)): it waits for the due date too.
    expect(result.stdout).toContain("debug line");
    expect(redacted.stdout).toBe("");
    expect(redacted.detailsHiddenUntil).toEqual(DUE);
  });

  it("keeps the top-level message: it names no case data", () => {
    const text = message("stopTimeout", { case: message("caseRandom", { n: 2 }), seconds: 1, limit: message("limitCpu") });
    const redacted = redactHiddenCaseDetails({ ...result, status: "timeout" as const, message: text }, DUE);
    expect(redacted.message).toEqual(text);
  });

  it("shows a failing case that raised by its exception type and line, never Python's message", async () => {
    const secret = "index 7 is out of bounds for img of shape (5, 9)";
    const raised = await gradeFlipped({ index: 2, type: "IndexError", message: secret, line: 14 });
    expect(inEnglish(raised.cases[2].message)).toContain(secret);
    const redacted = redactHiddenCaseDetails(raised, DUE);
    expect(JSON.stringify(redacted)).not.toContain("out of bounds");
    expect(inEnglish(redacted.cases[2].message)).toBe("Error: raised IndexError at line 14. The data of this hidden case is shown later (see the note above).");
    expect(inChinese(redacted.cases[2].message)).toBe("出错：抛出了 IndexError（第 14 行）。这个隐藏用例的数据稍后显示（见上方说明）。");
  });

  it("keeps a time or memory limit's message, which holds only the grader's limits, but not a crash's exit status", () => {
    const stopped = (text: TMessage) => ({ ...result.cases[0], passed: false, message: message("caseFailed", { params: "img.shape=(5, 9)", text }) });
    const timeout = message("caseTimeout", { seconds: 2, limit: message("limitCpu") });
    const exited = message("caseEnded", { type: "Exit", ending: message("endingExit", { code: "31337" }) });
    const redacted = redactHiddenCaseDetails({ ...result, cases: [stopped(timeout), stopped(exited)] }, DUE);
    expect(redacted.cases[0].message).toEqual(timeout);
    expect(redacted.cases[1].message).toEqual(message("caseHidden"));
    expect(JSON.stringify(redacted)).not.toContain("31337");
  });

  it("does not show an exception class the student named, which could spell the case's data", async () => {
    const raised = await gradeFlipped({ index: 2, type: "Shape_5_9", message: "", line: 3 });
    const redacted = redactHiddenCaseDetails(raised, DUE);
    expect(redacted.cases[2].message).toEqual(message("caseHidden"));
    expect(JSON.stringify(redacted)).not.toContain("Shape_5_9");
  });

  it("keeps a load error whole: the file is loaded before the sandbox holds any case", () => {
    const loadError: TMessage = message("loadException", {
      type: "KeyError",
      message: "'stride'",
      error: message("pythonError", { type: "KeyError", message: "'stride'" }),
      where: message("loadWhereLine", { line: 3 }),
      stop: message("fullStop"),
      extra: null,
    });
    const redacted = redactHiddenCaseDetails({ ...result, status: "error", score: 0, cases: [], diagnoses: [], message: loadError }, DUE);
    expect(inEnglish(redacted.message)).toBe("KeyError: 'stride' (line 3, while loading your file).");
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

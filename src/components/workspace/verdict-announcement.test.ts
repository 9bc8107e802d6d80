import { describe, expect, it } from "vitest";
import { MISTAKES } from "@/grading/mistakes";
import { message } from "@/grading/result-format";
import { workspaceMessages } from "@/i18n/workspace";
import { describeVerdict, takeFirstSentence } from "./verdict-announcement";

const flipped = { code: MISTAKES.flippedKernel.code, message: message(MISTAKES.flippedKernel.text), cases: ["random 1"] };
const failedSubmit = {
  mode: "submit" as const,
  status: "failed" as const,
  gradable: true,
  score: 7.5,
  maxScore: 10,
  diagnoses: [flipped],
  message: null,
  cases: [{ passed: true }, { passed: false }],
};

describe("takeFirstSentence", () => {
  it("stops at the first full stop in English and Chinese, not at a dot inside a name", () => {
    expect(takeFirstSentence("Use F.conv2d here. Then more.")).toBe("Use F.conv2d here.");
    expect(takeFirstSentence("你把卷积核翻转了。卷积层计算的是互相关。")).toBe("你把卷积核翻转了。");
    expect(takeFirstSentence("No stop at all")).toBe("No stop at all");
  });
});

describe("describeVerdict", () => {
  it("says the mode, score, verdict and the likeliest mistake in a few words", () => {
    expect(describeVerdict(failedSubmit, workspaceMessages("en"), "en")).toBe("Submission graded: 7.5 of 10, failed — You flipped the kernel.");
    expect(describeVerdict(failedSubmit, workspaceMessages("zh-CN"), "zh-CN")).toBe("正式提交评测完成：7.5 / 10 分，未通过——你把卷积核翻转了。");
  });

  it("leaves the mistake out when there is none, and says when nothing was graded", () => {
    const passedSubmit = { ...failedSubmit, status: "passed" as const, score: 10, diagnoses: [] };
    expect(describeVerdict(passedSubmit, workspaceMessages("en"), "en")).toBe("Submission graded: 10 of 10, passed");
    expect(describeVerdict({ ...failedSubmit, gradable: false, status: "error" }, workspaceMessages("en"), "en")).toBe(
      "Submission not graded: the grader could not run your code.",
    );
  });

  it("counts passing sample cases for a sample run, with no score", () => {
    const failedRun = { ...failedSubmit, mode: "run" as const, cases: [{ passed: true }, { passed: false }, { passed: true }] };
    expect(describeVerdict(failedRun, workspaceMessages("en"), "en")).toBe("2 of 3 sample cases pass, failed — You flipped the kernel.");
    expect(describeVerdict(failedRun, workspaceMessages("zh-CN"), "zh-CN")).toBe("2 / 3 个样例用例通过，未通过——你把卷积核翻转了。");
  });

  it("says what stopped the code when no mistake is named, in the reader's language", () => {
    const timedOut = {
      ...failedSubmit,
      status: "timeout" as const,
      score: 0,
      diagnoses: [],
      message: message("stopTimeout", { case: message("caseRandom", { n: 1 }), seconds: 1, limit: message("limitCpu") }),
    };
    expect(describeVerdict(timedOut, workspaceMessages("en"), "en")).toBe(
      'Submission graded: 0 of 10, time limit exceeded — Case "random 1" ran out of the 1 s CPU time limit (for all cases together); later cases did not run.',
    );
    expect(describeVerdict(timedOut, workspaceMessages("zh-CN"), "zh-CN")).toBe(
      "正式提交评测完成：0 / 10 分，超时——用例“随机用例 1”用完了 1 秒的 CPU 时间限制（所有用例共用），后面的用例没有运行。",
    );
  });

  it("announces only the first line of a load error, cut to a readable length", () => {
    const missing = { ...failedSubmit, status: "error" as const, score: 0, diagnoses: [], message: message("loadMissingFunction", { name: "x".repeat(400), suggestion: null, signature: "f()" }) };
    const announced = describeVerdict(missing, workspaceMessages("en"), "en");
    expect(announced).not.toContain("Expected a function");
    expect(announced.endsWith("…")).toBe(true);
    expect(announced.length).toBeLessThan(300);
  });
});

import { describe, expect, it } from "vitest";
import { MISTAKES } from "@/grading/mistakes";
import { workspaceMessages } from "@/i18n/workspace";
import { describeVerdict, takeFirstSentence } from "./verdict-announcement";

const flipped = { ...MISTAKES.flippedKernel, cases: ["random 1"] };
const failedSubmit = { mode: "submit" as const, status: "failed" as const, gradable: true, score: 7.5, maxScore: 10, diagnoses: [flipped] };

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
    const passedRun = { ...failedSubmit, mode: "run" as const, status: "passed" as const, score: 10, diagnoses: [] };
    expect(describeVerdict(passedRun, workspaceMessages("en"), "en")).toBe("Test run graded: 10 of 10, passed");
    expect(describeVerdict({ ...failedSubmit, gradable: false, status: "error" }, workspaceMessages("en"), "en")).toBe(
      "Submission not graded: the grader could not run your code.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { message, renderMessage } from "@/grading/result-format";
import type { TAssignmentAnalytics } from "@/server/grades/get-exercise-analytics";
import { wordAnalytics } from "./word-analytics";

const stats = {
  attemptedCount: 2,
  passedCount: 1,
  passRate: 0.5,
  attemptsToPass: [],
  medianAttemptsToPass: 2,
  timeToPass: [],
  medianMinutesToPass: 5,
  diagnoses: [{ code: "flipped-kernel", message: message("mistake.flippedKernel"), submissions: 3, students: 2 }],
};
const analytics: TAssignmentAnalytics = {
  assignment: { id: "a", title: "Week 1" },
  studentCount: 2,
  exercises: [
    { id: "e1", slug: "conv2d", title: "2D convolution", titleZh: "二维卷积", points: 10, stats },
    { id: "e2", slug: "pool", title: "Pooling", titleZh: null, points: 5, stats: { ...stats, diagnoses: [] } },
  ],
};

describe("wordAnalytics", () => {
  it("words titles and diagnoses in the reader's language, keeping the numbers", () => {
    const [conv, pool] = wordAnalytics(analytics, "zh-CN");
    expect(conv).toMatchObject({ id: "e1", slug: "conv2d", title: "二维卷积", stats: { passRate: 0.5, medianMinutesToPass: 5 } });
    expect(conv!.stats.diagnoses).toEqual([{ code: "flipped-kernel", title: "卷积核被翻转", text: renderMessage(message("mistake.flippedKernel"), "zh-CN"), submissions: 3, students: 2 }]);
    expect(conv!.stats.diagnoses[0]!.text).toMatch(/^你把卷积核翻转了/);
    // No Chinese title stored: the English one, not an empty heading.
    expect(pool!.title).toBe("Pooling");
  });

  it("words them in English for English readers", () => {
    const [conv] = wordAnalytics(analytics, "en");
    expect(conv!.title).toBe("2D convolution");
    expect(conv!.stats.diagnoses[0]!.text).toMatch(/^You flipped the kernel\./);
    expect(conv!.stats.diagnoses[0]!.title).toBe("Flipped kernel");
  });

  it("keeps the full sentence as the title of a code no title table knows", () => {
    const unknown = { code: "renamed-long-ago", message: message("mistake.flippedKernel"), submissions: 1, students: 1 };
    const [conv] = wordAnalytics({ ...analytics, exercises: [{ ...analytics.exercises[0]!, stats: { ...stats, diagnoses: [unknown] } }] }, "en");
    expect(conv!.stats.diagnoses[0]!.title).toMatch(/^You flipped the kernel\./);
  });
});

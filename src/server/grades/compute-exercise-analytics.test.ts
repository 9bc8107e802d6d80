import { describe, expect, it } from "vitest";
import { message } from "@/grading/result-format";
import { computeExerciseStats, type TAnalyticsSubmission } from "./compute-exercise-analytics";

const t0 = Date.UTC(2026, 10, 1, 9, 0);
const minutes = (m: number) => new Date(t0 + m * 60_000);
const text = (code: string) => message("legacyText", { en: `${code} (en)`, zh: `${code}（中文）` });
const diagnosis = (code: string) => ({ code, message: text(code), cases: ["random 1"] });

function submission(userId: string, atMinute: number, status: string, codes: string[] = []): TAnalyticsSubmission {
  return { userId, status, receivedAt: minutes(atMinute), result: { diagnoses: codes.map(diagnosis), other: "ignored" } };
}

describe("computeExerciseStats", () => {
  const stats = computeExerciseStats([
    // Ada passes on her third try, 45 minutes after her first.
    submission("ada", 45, "passed"),
    submission("ada", 0, "failed", ["padding-ignored", "stride-ignored"]),
    submission("ada", 20, "failed", ["padding-ignored"]),
    // Ben passes at once.
    submission("ben", 5, "passed"),
    // Cy never passes.
    submission("cy", 1, "failed", ["stride-ignored"]),
    submission("cy", 2, "error"),
    submission("cy", 3, "failed", ["stride-ignored"]),
  ]);

  it("counts the pass rate over students who attempted", () => {
    expect(stats).toMatchObject({ attemptedCount: 3, passedCount: 2 });
    expect(stats.passRate).toBeCloseTo(2 / 3);
  });

  it("counts attempts until the first pass, in order of arrival", () => {
    expect(stats.attemptsToPass.filter((b) => b.students > 0)).toEqual([
      { bucket: "1", students: 1 },
      { bucket: "3", students: 1 },
    ]);
    expect(stats.medianAttemptsToPass).toBe(2);
  });

  it("measures time to pass from the first graded submission", () => {
    expect(stats.timeToPass.filter((b) => b.students > 0)).toEqual([
      { bucket: "first-try", students: 1 },
      { bucket: "10m-1h", students: 1 },
    ]);
    expect(stats.medianMinutesToPass).toBe(22.5);
  });

  it("ranks diagnoses by students, then submissions", () => {
    expect(stats.diagnoses).toEqual([
      { code: "stride-ignored", message: text("stride-ignored"), submissions: 3, students: 2 },
      { code: "padding-ignored", message: text("padding-ignored"), submissions: 2, students: 1 },
    ]);
  });

  it("has no rates or medians when nobody attempted, and skips results it cannot read", () => {
    const empty = computeExerciseStats([]);
    expect(empty).toMatchObject({ attemptedCount: 0, passedCount: 0, passRate: null, medianAttemptsToPass: null, medianMinutesToPass: null, diagnoses: [] });
    const unreadable = computeExerciseStats([{ userId: "x", status: "failed", receivedAt: minutes(0), result: null }]);
    expect(unreadable.diagnoses).toEqual([]);
    expect(unreadable.passRate).toBe(0);
  });

  it("puts long roads to a pass in the open-ended buckets", () => {
    const slow = computeExerciseStats([
      ...Array.from({ length: 11 }, (_, i) => submission("dee", i, "failed")),
      submission("dee", 2 * 1440, "passed"),
    ]);
    expect(slow.attemptsToPass.find((b) => b.bucket === "11+")?.students).toBe(1);
    expect(slow.timeToPass.find((b) => b.bucket === "over-1d")?.students).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { pickBestSubmission, roundScore } from "./best-submission";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

describe("pickBestSubmission", () => {
  it("takes the highest score and skips ungraded rows", () => {
    const rows = [
      { id: "a", score: 4, isLate: false, receivedAt: at(1) },
      { id: "b", score: null, isLate: false, receivedAt: at(2) },
      { id: "c", score: 9, isLate: true, receivedAt: at(3) },
    ];
    expect(pickBestSubmission(rows)?.id).toBe("c");
  });

  it("prefers an on-time submission, then the earliest, among equal scores", () => {
    expect(
      pickBestSubmission([
        { id: "late", score: 5, isLate: true, receivedAt: at(1) },
        { id: "on-time", score: 5, isLate: false, receivedAt: at(2) },
      ])?.id,
    ).toBe("on-time");
    expect(
      pickBestSubmission([
        { id: "second", score: 5, isLate: false, receivedAt: at(2) },
        { id: "first", score: 5, isLate: false, receivedAt: at(1) },
      ])?.id,
    ).toBe("first");
  });

  it("returns null when nothing is graded", () => {
    expect(pickBestSubmission([{ score: null, isLate: false, receivedAt: at(1) }])).toBeNull();
    expect(pickBestSubmission([])).toBeNull();
  });
});

describe("roundScore", () => {
  it("keeps two decimals", () => {
    expect(roundScore(13.500000001)).toBe(13.5);
    expect(roundScore(2 / 3)).toBe(0.67);
  });
});

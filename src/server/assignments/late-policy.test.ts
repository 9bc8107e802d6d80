import { describe, expect, it } from "vitest";
import { applyLatePenalty, evaluateDeadline } from "./late-policy";

const policy = {
  opensAt: new Date("2026-11-01T00:00:00Z"),
  dueAt: new Date("2026-11-10T23:59:00Z"),
  allowLate: true,
  latePenaltyPerDay: 0.1,
};

describe("evaluateDeadline", () => {
  it("refuses before opening and accepts on time up to the due instant", () => {
    expect(evaluateDeadline(policy, new Date("2026-10-31T23:59:59Z")).kind).toBe("not-open");
    expect(evaluateDeadline(policy, policy.dueAt).kind).toBe("on-time");
  });

  it("counts every started day late", () => {
    expect(evaluateDeadline(policy, new Date("2026-11-11T00:00:00Z"))).toEqual({ kind: "late", daysLate: 1, penalty: 0.1 });
    const twoDays = evaluateDeadline(policy, new Date("2026-11-12T00:00:00Z"));
    expect(twoDays.kind === "late" && twoDays.daysLate).toBe(2);
  });

  it("caps the penalty at the whole score and closes when late work is not allowed", () => {
    const late = evaluateDeadline(policy, new Date("2027-01-01T00:00:00Z"));
    expect(late.kind === "late" && late.penalty).toBe(1);
    expect(evaluateDeadline({ ...policy, allowLate: false }, new Date("2026-11-11T00:00:00Z")).kind).toBe("closed");
  });
});

describe("applyLatePenalty", () => {
  it("scales the score and never goes below zero", () => {
    expect(applyLatePenalty(10, 0.2)).toBeCloseTo(8);
    expect(applyLatePenalty(10, 1)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { formatDeadline, formatTimeLeft } from "./format-time";

describe("formatTimeLeft", () => {
  it("uses the largest whole unit", () => {
    expect(formatTimeLeft(3 * 86_400_000 + 5_000, "en")).toBe("3 days");
    expect(formatTimeLeft(2 * 3_600_000, "en")).toBe("2 hours");
    expect(formatTimeLeft(59_000, "en")).toBe("0 minutes");
    expect(formatTimeLeft(-5, "en")).toBe("0 minutes");
  });
});

describe("formatDeadline", () => {
  it("shows the time in the assignment's zone", () => {
    expect(formatDeadline("2026-12-01T15:59:00Z", "Asia/Shanghai", "en")).toContain("23:59");
  });
});

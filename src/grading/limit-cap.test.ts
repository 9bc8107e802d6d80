import { describe, expect, it } from "vitest";
import type { TJobResult } from "@runner";
import { stoppedByLoweredLimit } from "./limit-cap";

const lateStart: TJobResult = { gradable: false, reason: "unavailable", operatorMessage: "ended before it started", wallBeforeStart: true };
const fault: TJobResult = { gradable: false, reason: "unavailable", operatorMessage: "bubblewrap is not installed" };
const wallTimeout: TJobResult = {
  gradable: true,
  load: { ok: true },
  cases: [{ status: "timeout", limit: "wall", limitSeconds: 0.25, timeMs: 250, stdout: "" }],
  outputTruncated: false,
  wallMs: 260,
};

describe("stoppedByLoweredLimit", () => {
  it("sends a job whose lowered wall limit passed before it started on to the full limits", () => {
    expect(stoppedByLoweredLimit(lateStart, { cpu: true, wall: true })).toBe(true);
  });

  it("keeps a late start at the exercise's own wall limit, and any other fault, not gradable", () => {
    expect(stoppedByLoweredLimit(lateStart, { cpu: true, wall: false })).toBe(false);
    expect(stoppedByLoweredLimit(fault, { cpu: true, wall: true })).toBe(false);
  });

  it("counts a case's timeout only at a limit the cap lowered", () => {
    expect(stoppedByLoweredLimit(wallTimeout, { cpu: false, wall: true })).toBe(true);
    expect(stoppedByLoweredLimit(wallTimeout, { cpu: true, wall: false })).toBe(false);
  });
});

import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readGradingConfig } from "./grading-config";

describe("readGradingConfig", () => {
  it("grades in the web server on SQLite and leaves it to workers on PostgreSQL", () => {
    expect(readGradingConfig({}).gradeInProcess).toBe(true);
    expect(readGradingConfig({ DATABASE_URL: "postgresql://u@h/db" })).toMatchObject({ isPostgres: true, gradeInProcess: false });
    expect(readGradingConfig({ DATABASE_URL: "postgres://u@h/db", CONVLAB_GRADE_IN_PROCESS: "1" }).gradeInProcess).toBe(true);
    expect(readGradingConfig({ CONVLAB_GRADE_IN_PROCESS: "0" }).gradeInProcess).toBe(false);
  });

  it("gives the slow lane one slot per CPU core by default and never the whole pool", () => {
    expect(readGradingConfig({ RUNNER_POOL_SIZE: "64" }).slowLaneSlots).toBe(Math.min(availableParallelism(), 63));
    expect(readGradingConfig({ RUNNER_POOL_SIZE: "4", CONVLAB_SLOW_LANE_SLOTS: "9" }).slowLaneSlots).toBe(3);
    expect(readGradingConfig({ RUNNER_POOL_SIZE: "8", CONVLAB_SLOW_LANE_SLOTS: "2" }).slowLaneSlots).toBe(2);
    expect(readGradingConfig({ RUNNER_POOL_SIZE: "1" }).slowLaneSlots).toBe(1);
  });

  it("derives the fast lane's CPU limit from its wall limit, at least one second", () => {
    expect(readGradingConfig({}).fastLaneLimits).toEqual({ wallSeconds: 1, cpuSeconds: 1 });
    expect(readGradingConfig({ CONVLAB_FAST_LANE_SECONDS: "2" }).fastLaneLimits).toEqual({ wallSeconds: 2, cpuSeconds: 1 });
    expect(readGradingConfig({ CONVLAB_FAST_LANE_SECONDS: "6" }).fastLaneLimits).toEqual({ wallSeconds: 6, cpuSeconds: 3 });
    expect(readGradingConfig({ CONVLAB_FAST_LANE_SECONDS: "0.5" }).fastLaneLimits).toEqual({ wallSeconds: 0.5, cpuSeconds: 1 });
    expect(() => readGradingConfig({ CONVLAB_FAST_LANE_SECONDS: "0.1" })).toThrow(/CONVLAB_FAST_LANE_SECONDS/);
  });

  it("treats empty variables as unset and names the variable that is wrong", () => {
    expect(readGradingConfig({ RUNNER_POOL_SIZE: "", CONVLAB_MAX_QUEUED: "" })).toMatchObject({ poolSize: 8, maxQueued: 2000 });
    expect(() => readGradingConfig({ RUNNER_POOL_SIZE: "0" })).toThrow(/RUNNER_POOL_SIZE/);
    expect(() => readGradingConfig({ CONVLAB_GRADE_IN_PROCESS: "yes" })).toThrow(/CONVLAB_GRADE_IN_PROCESS/);
    expect(() => readGradingConfig({ CONVLAB_WORKER_NAME: "a b" })).toThrow(/CONVLAB_WORKER_NAME/);
  });
});

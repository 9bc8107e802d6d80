import { afterEach, describe, expect, it } from "vitest";
import { readEnv, resetEnvCache } from "./env";

const NAMES = ["CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT", "CONVLAB_LIMIT_RUN_SECONDS_PER_USER", "CONVLAB_STORAGE_BUDGET_MB", "CONVLAB_DISABLE_RATE_LIMIT"];

afterEach(() => {
  for (const name of NAMES) delete process.env[name];
  resetEnvCache();
});

function readWith(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvCache();
  return readEnv();
}

describe("rate limit settings", () => {
  it("have defaults, also for empty variables", () => {
    const env = readWith({ CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: "", CONVLAB_STORAGE_BUDGET_MB: "" });
    expect(env.CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT).toEqual({ count: 10, windowSeconds: 900 });
    expect(env.CONVLAB_LIMIT_RUN_SECONDS_PER_USER).toEqual({ count: 1, windowSeconds: 20 });
    expect(env.CONVLAB_STORAGE_BUDGET_MB).toBe(20);
    expect(env.CONVLAB_DISABLE_RATE_LIMIT).toBe(false);
  });

  it("read <count>/<window>, off, and the global switch", () => {
    const env = readWith({ CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: "5/2h", CONVLAB_LIMIT_RUN_SECONDS_PER_USER: "off", CONVLAB_STORAGE_BUDGET_MB: "off", CONVLAB_DISABLE_RATE_LIMIT: "1" });
    expect(env.CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT).toEqual({ count: 5, windowSeconds: 7200 });
    expect(env.CONVLAB_LIMIT_RUN_SECONDS_PER_USER).toBeNull();
    expect(env.CONVLAB_STORAGE_BUDGET_MB).toBeNull();
    expect(env.CONVLAB_DISABLE_RATE_LIMIT).toBe(true);
  });

  it("refuse to start on a malformed limit, saying how to write one", () => {
    expect(() => readWith({ CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: "10 per minute" })).toThrow(
      'Invalid environment variable CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: write "<count>/<window>" such as 10/15m (units s, m, h, d), or off',
    );
    expect(() => readWith({ CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: "0/1m" })).toThrow("count and window must be above 0");
  });
});

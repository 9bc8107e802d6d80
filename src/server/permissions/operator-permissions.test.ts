import { describe, expect, it } from "vitest";
import { canReadOperatorMetrics, isMetricsTokenValid } from "./operator-permissions";
import type { TSessionUser } from "./roles";

const user = (role: TSessionUser["role"]): TSessionUser => ({ id: role, email: `${role}@example.org`, name: role, role });
const TOKEN = "metrics-token-0123456789abcdef";

describe("canReadOperatorMetrics", () => {
  it("lets an admin's session in, without a token", () => {
    expect(canReadOperatorMetrics(user("admin"), { presentedToken: null, configuredToken: undefined })).toBe(true);
  });

  it("keeps students, instructors and anonymous visitors out without the token", () => {
    for (const who of [null, user("student"), user("instructor")]) {
      expect(canReadOperatorMetrics(who, { presentedToken: null, configuredToken: TOKEN })).toBe(false);
      expect(canReadOperatorMetrics(who, { presentedToken: "guess", configuredToken: TOKEN })).toBe(false);
    }
  });

  it("lets a monitoring system in with the configured token, and never when none is configured", () => {
    expect(canReadOperatorMetrics(null, { presentedToken: TOKEN, configuredToken: TOKEN })).toBe(true);
    expect(canReadOperatorMetrics(null, { presentedToken: "", configuredToken: undefined })).toBe(false);
    expect(isMetricsTokenValid(TOKEN, undefined)).toBe(false);
    expect(isMetricsTokenValid(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(isMetricsTokenValid(TOKEN.slice(1), TOKEN)).toBe(false);
  });
});

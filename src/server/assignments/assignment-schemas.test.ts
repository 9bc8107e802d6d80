import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { zodErrorToAppError } from "@/server/errors";
import { readAssignmentForm } from "./assignment-schemas";

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form;
}

const valid = {
  title: "  Homework 2  ",
  exerciseIds: ["ex-a", "ex-b"],
  opensAt: "2026-11-01T08:00",
  dueAt: "2026-11-10T23:59",
  timeZone: "Asia/Shanghai",
  allowLate: "on",
  latePenaltyPercent: "15",
  cooldownSeconds: "",
  maxAttempts: "5",
  scoresRelease: "immediately",
  hiddenDetailsRelease: "after_due",
};

function messageOf(fields: Record<string, string | string[]>): string {
  try {
    readAssignmentForm(formOf(fields));
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".")}: ${zodErrorToAppError(new ZodError([i])).messageFor("en")}`).join("; ");
    throw error;
  }
  return "";
}

describe("readAssignmentForm", () => {
  it("reads dates in the chosen zone as UTC, percentages as fractions and empty limits as none", () => {
    expect(readAssignmentForm(formOf(valid))).toEqual({
      title: "Homework 2",
      exerciseIds: ["ex-a", "ex-b"],
      opensAt: new Date("2026-11-01T00:00:00Z"),
      dueAt: new Date("2026-11-10T15:59:00Z"),
      timeZone: "Asia/Shanghai",
      allowLate: true,
      latePenaltyPerDay: 0.15,
      cooldownSeconds: null,
      maxAttempts: 5,
      loadErrorsCostNoAttempt: false,
      scoresRelease: "immediately",
      hiddenDetailsRelease: "after_due",
    });
  });

  it("treats absent checkboxes as off", () => {
    const { allowLate, ...rest } = valid;
    expect(allowLate).toBe("on");
    const settings = readAssignmentForm(formOf({ ...rest, loadErrorsCostNoAttempt: "on" }));
    expect(settings.allowLate).toBe(false);
    expect(settings.loadErrorsCostNoAttempt).toBe(true);
  });

  it("reads the release settings and refuses a missing or unknown one", () => {
    const settings = readAssignmentForm(formOf({ ...valid, scoresRelease: "on_publish", hiddenDetailsRelease: "immediately" }));
    expect(settings).toMatchObject({ scoresRelease: "on_publish", hiddenDetailsRelease: "immediately" });
    const { scoresRelease, ...missing } = valid;
    expect(scoresRelease).toBe("immediately");
    expect(messageOf(missing)).toMatch(/^scoresRelease: Choose when students see/);
    expect(messageOf({ ...valid, hiddenDetailsRelease: "tomorrow" })).toMatch(/^hiddenDetailsRelease: Choose when students see/);
  });

  it("refuses unknown zones, a due date before the opening, and out-of-range numbers", () => {
    expect(messageOf({ ...valid, timeZone: "Moon/Base" })).toBe("timeZone: Choose an IANA time zone such as Asia/Shanghai or Europe/Berlin.");
    expect(messageOf({ ...valid, dueAt: "2026-10-30T08:00" })).toMatch(/dueAt: The due date must be after the opening date/);
    expect(messageOf({ ...valid, latePenaltyPercent: "120" })).toBe("latePenaltyPerDay: The late penalty is a percentage from 0 to 100.");
    expect(messageOf({ ...valid, maxAttempts: "0" })).toMatch(/maxAttempts/);
    expect(messageOf({ ...valid, cooldownSeconds: "1.5" })).toMatch(/cooldownSeconds/);
    expect(messageOf({ ...valid, cooldownSeconds: "soon" })).toBe("cooldownSeconds: The cooldown is a whole number of seconds from 1 to 604800.");
  });

  it("needs at least one exercise, each once, and a title", () => {
    expect(messageOf({ ...valid, exerciseIds: [] })).toMatch(/Choose at least one exercise/);
    expect(messageOf({ ...valid, exerciseIds: ["ex-a", "ex-a"] })).toMatch(/Each exercise can be chosen once/);
    expect(messageOf({ ...valid, title: "   " })).toMatch(/title: Enter a title/);
    expect(messageOf({ ...valid, opensAt: "tomorrow" })).toBe("opensAt: Enter the opening date and time.");
  });
});

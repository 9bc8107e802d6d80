import { describe, expect, it } from "vitest";
import { canonicalTimeZone, listTimeZones, parseLocalDateTime, utcToZonedLocal, zonedLocalToUtc } from "./zoned-time";

const toUtc = (local: string, zone: string) => zonedLocalToUtc(parseLocalDateTime(local)!, zone).toISOString();

describe("canonicalTimeZone", () => {
  it("accepts IANA names in any case and returns their canonical spelling", () => {
    expect(canonicalTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
  });

  it("refuses unknown names, offsets and abbreviations", () => {
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+08:00")).toBeNull();
    expect(canonicalTimeZone("CST")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });

  it("lists UTC among the zones offered", () => {
    expect(listTimeZones()).toContain("UTC");
    expect(listTimeZones()).toContain("Europe/Berlin");
  });
});

describe("parseLocalDateTime", () => {
  it("reads datetime-local values with or without seconds and refuses impossible dates", () => {
    expect(parseLocalDateTime("2026-11-10T23:59")).toBe(Date.UTC(2026, 10, 10, 23, 59));
    expect(parseLocalDateTime("2026-11-10T23:59:30")).toBe(Date.UTC(2026, 10, 10, 23, 59, 30));
    expect(parseLocalDateTime("2026-02-30T10:00")).toBeNull();
    expect(parseLocalDateTime("2026-11-10 23:59")).toBeNull();
    expect(parseLocalDateTime("2026-11-10T24:00")).toBeNull();
  });
});

describe("zonedLocalToUtc and utcToZonedLocal", () => {
  it("converts a fixed-offset zone", () => {
    expect(toUtc("2026-12-01T23:59", "Asia/Shanghai")).toBe("2026-12-01T15:59:00.000Z");
    expect(utcToZonedLocal(new Date("2026-12-01T15:59:00Z"), "Asia/Shanghai")).toBe("2026-12-01T23:59");
  });

  it("follows daylight saving time", () => {
    expect(toUtc("2026-07-01T12:00", "America/New_York")).toBe("2026-07-01T16:00:00.000Z");
    expect(toUtc("2026-12-01T12:00", "America/New_York")).toBe("2026-12-01T17:00:00.000Z");
  });

  it("takes the first of two ambiguous times and moves a skipped time forward", () => {
    // 2026-11-01 01:30 happens twice in New York (EDT, then EST).
    expect(toUtc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    // 2026-03-08 02:30 does not exist in New York; it becomes 03:30 EDT.
    expect(toUtc("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("round-trips ordinary times", () => {
    for (const zone of ["UTC", "Europe/Berlin", "Australia/Adelaide", "America/Los_Angeles"]) {
      expect(utcToZonedLocal(zonedLocalToUtc(parseLocalDateTime("2026-05-17T08:45")!, zone), zone)).toBe("2026-05-17T08:45");
    }
  });
});

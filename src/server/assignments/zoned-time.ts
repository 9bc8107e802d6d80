// Wall-clock times in an IANA time zone and the UTC instants they name, with Intl alone. An
// assignment's dates are typed as wall-clock times in its zone (a <input type="datetime-local">
// has no zone) and stored as UTC.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
// Region/City names, plus the UTC and Etc/… aliases; offsets like "+08:00" are not zone names.
const ZONE_NAME_PATTERN = /^(UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** The canonical spelling of an IANA zone name ("asia/shanghai" → "Asia/Shanghai"), or null if Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!ZONE_NAME_PATTERN.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone this runtime knows, for a picker. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

function readWallClock(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return readWallClock(wholeSecond, timeZone) - wholeSecond;
}

/** Parses "YYYY-MM-DDTHH:mm[:ss]" as a calendar date and time; null when malformed or impossible (Feb 30). */
export function parseLocalDateTime(local: string): number | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second = "0"] = match.slice(1).map((part) => part ?? "0");
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(wall);
  const isSameCalendarTime =
    check.getUTCFullYear() === Number(year) &&
    check.getUTCMonth() === Number(month) - 1 &&
    check.getUTCDate() === Number(day) &&
    check.getUTCHours() === Number(hour) &&
    check.getUTCMinutes() === Number(minute);
  return isSameCalendarTime ? wall : null;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time in `timeZone` names. No zone changes its offset twice within a
 * day, so the offsets a day before and a day after are the only candidates. When clocks go back,
 * an ambiguous time means its first occurrence; a time skipped when clocks go forward is read
 * with the offset before the jump, which moves it forward by the gap.
 */
export function zonedLocalToUtc(wallMs: number, timeZone: string): Date {
  const before = wallMs - offsetAt(wallMs - DAY_MS, timeZone);
  const after = wallMs - offsetAt(wallMs + DAY_MS, timeZone);
  const matching = [before, after].filter((instant) => readWallClock(instant, timeZone) === wallMs);
  return new Date(matching.length > 0 ? Math.min(...matching) : before);
}

/** "YYYY-MM-DDTHH:mm" of an instant on the zone's wall clock, the value a datetime-local input takes. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return new Date(readWallClock(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

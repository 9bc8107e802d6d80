// Dates and durations in the reader's language, with the assignment's time zone named.
import type { TLocale } from "./index";

export function formatDeadline(iso: string, timeZone: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" }).format(new Date(iso));
}

/** "2026-12-05 09:00 (Asia/Shanghai)": readable in every language, for messages worded once. */
export function formatWallTime(iso: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone }).format(new Date(iso));
  return `${local} (${timeZone})`;
}

/** "3 days", "5 hours", "12 minutes": the largest whole unit of what is left. */
export function formatTimeLeft(ms: number, locale: TLocale): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const units: [Intl.NumberFormatOptions["unit"], number][] = [
    ["day", Math.floor(minutes / 1440)],
    ["hour", Math.floor(minutes / 60)],
    ["minute", minutes],
  ];
  const [unit, value] = units.find(([, v]) => v >= 1) ?? ["minute", 0];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** How long to wait before trying again, rounded up: "45 seconds", "3 minutes", "2 hours". */
export function formatWait(seconds: number, locale: TLocale): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [unit, value]: [Intl.NumberFormatOptions["unit"], number] = s < 60 ? ["second", s] : s < 3600 ? ["minute", Math.ceil(s / 60)] : ["hour", Math.ceil(s / 3600)];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

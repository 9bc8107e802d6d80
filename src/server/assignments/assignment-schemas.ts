// An assignment's settings as the instructor enters them: wall-clock dates in a named IANA zone,
// stored as UTC instants; the late policy, attempt limits and when results are released. Messages are
// whole sentences naming their field, so they read well without the field's key.
import { z } from "zod";
import { ZId } from "@/server/courses/course-schemas";
import { RELEASE_TIMINGS } from "./release";
import { canonicalTimeZone, parseLocalDateTime, zonedLocalToUtc } from "./zoned-time";

const MAX_COOLDOWN_SECONDS = 7 * 24 * 60 * 60;
const MAX_ATTEMPTS_LIMIT = 1000;

const TIME_ZONE_MESSAGE = "timeZoneInvalid";

const ZTimeZone = z
  .string({ error: TIME_ZONE_MESSAGE })
  .trim()
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: TIME_ZONE_MESSAGE });
      return z.NEVER;
    }
    return canonical;
  });

const localDateTime = (message: string) => z.string({ error: message }).refine((value) => parseLocalDateTime(value) !== null, message);

const optionalCount = (max: number, message: string) => z.number({ error: message }).int(message).min(1, message).max(max, message).nullable();

const COOLDOWN_MESSAGE = "cooldownRange";
const ATTEMPTS_MESSAGE = "attemptsRange";
const PENALTY_MESSAGE = "latePenaltyRange";

const ZAssignmentInput = z
  .object({
    title: z.string({ error: "titleRequired" }).trim().min(1, "titleRequired").max(200, "titleTooLong"),
    exerciseIds: z
      .array(ZId)
      .min(1, "exercisesRequired")
      .max(50, "exercisesTooMany")
      .refine((ids) => new Set(ids).size === ids.length, "exercisesDuplicate"),
    opensAt: localDateTime("opensAtRequired"),
    dueAt: localDateTime("dueAtRequired"),
    timeZone: ZTimeZone,
    allowLate: z.boolean(),
    /** fraction of the score lost per started day late */
    latePenaltyPerDay: z.number({ error: PENALTY_MESSAGE }).min(0, PENALTY_MESSAGE).max(1, PENALTY_MESSAGE),
    cooldownSeconds: optionalCount(MAX_COOLDOWN_SECONDS, COOLDOWN_MESSAGE),
    maxAttempts: optionalCount(MAX_ATTEMPTS_LIMIT, ATTEMPTS_MESSAGE),
    loadErrorsCostNoAttempt: z.boolean(),
    scoresRelease: z.enum(RELEASE_TIMINGS, { error: "releaseTimingInvalid" }),
    hiddenDetailsRelease: z.enum(RELEASE_TIMINGS, { error: "releaseTimingInvalid" }),
  })
  .transform(({ opensAt, dueAt, ...rest }) => ({
    ...rest,
    opensAt: zonedLocalToUtc(parseLocalDateTime(opensAt)!, rest.timeZone),
    dueAt: zonedLocalToUtc(parseLocalDateTime(dueAt)!, rest.timeZone),
  }))
  .refine((settings) => settings.dueAt > settings.opensAt, { message: "dueBeforeOpen", path: ["dueAt"] });
export type TAssignmentSettings = z.output<typeof ZAssignmentInput>;

/** An optional number field: "" means "no limit"; text that is not a number is refused with `message`. */
const numberField = (message: string) =>
  z
    .union([z.string(), z.null()])
    .transform((raw) => (raw === null || raw.trim() === "" ? null : Number(raw.trim())))
    .pipe(z.number({ error: message }).nullable());

/** The assignment form's fields as FormData delivers them: strings, checkboxes as "on" or absent. */
const ZAssignmentForm = z
  .object({
    title: z.string({ error: "titleRequired" }),
    exerciseIds: z.array(z.string()),
    opensAt: z.string({ error: "opensAtRequired" }),
    dueAt: z.string({ error: "dueAtRequired" }),
    timeZone: z.string({ error: TIME_ZONE_MESSAGE }),
    allowLate: z.string().nullable(),
    latePenaltyPercent: numberField(PENALTY_MESSAGE),
    cooldownSeconds: numberField(COOLDOWN_MESSAGE),
    maxAttempts: numberField(ATTEMPTS_MESSAGE),
    loadErrorsCostNoAttempt: z.string().nullable(),
    scoresRelease: z.string().nullable(),
    hiddenDetailsRelease: z.string().nullable(),
  })
  .transform(({ allowLate, latePenaltyPercent, loadErrorsCostNoAttempt, ...rest }) => ({
    ...rest,
    allowLate: allowLate === "on",
    latePenaltyPerDay: (latePenaltyPercent ?? 0) / 100,
    loadErrorsCostNoAttempt: loadErrorsCostNoAttempt === "on",
  }))
  .pipe(ZAssignmentInput);

export function readAssignmentForm(form: FormData): TAssignmentSettings {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  return ZAssignmentForm.parse({
    title: text("title"),
    exerciseIds: form.getAll("exerciseIds").filter((value): value is string => typeof value === "string"),
    opensAt: text("opensAt"),
    dueAt: text("dueAt"),
    timeZone: text("timeZone"),
    allowLate: text("allowLate"),
    latePenaltyPercent: text("latePenaltyPercent"),
    cooldownSeconds: text("cooldownSeconds"),
    maxAttempts: text("maxAttempts"),
    loadErrorsCostNoAttempt: text("loadErrorsCostNoAttempt"),
    scoresRelease: text("scoresRelease"),
    hiddenDetailsRelease: text("hiddenDetailsRelease"),
  });
}

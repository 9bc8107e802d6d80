// An assignment's settings as the instructor enters them: wall-clock dates in a named IANA zone,
// stored as UTC instants; the late policy, attempt limits and feedback visibility.
import { z } from "zod";
import { ZId } from "./course-schemas";
import { canonicalTimeZone, parseLocalDateTime, zonedLocalToUtc } from "./zoned-time";

export const MAX_COOLDOWN_SECONDS = 7 * 24 * 60 * 60;
export const MAX_ATTEMPTS_LIMIT = 1000;

export const ZTimeZone = z
  .string({ error: "Choose a time zone." })
  .trim()
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: `"${name}" is not an IANA time zone such as Asia/Shanghai or Europe/Berlin.` });
      return z.NEVER;
    }
    return canonical;
  });

const ZLocalDateTime = z
  .string({ error: "Enter a date and time." })
  .refine((value) => parseLocalDateTime(value) !== null, "Enter a date and time as YYYY-MM-DDTHH:mm.");

const ZOptionalCount = (max: number, message: string) => z.number().int(message).min(1, message).max(max, message).nullable();

export const ZAssignmentInput = z
  .object({
    title: z.string({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(200, "A title is at most 200 characters."),
    exerciseIds: z
      .array(ZId)
      .min(1, "Choose at least one exercise.")
      .max(50, "An assignment has at most 50 exercises.")
      .refine((ids) => new Set(ids).size === ids.length, "Each exercise can be chosen once."),
    opensAt: ZLocalDateTime,
    dueAt: ZLocalDateTime,
    timeZone: ZTimeZone,
    allowLate: z.boolean(),
    /** fraction of the score lost per started day late */
    latePenaltyPerDay: z.number().min(0, "The late penalty is between 0 and 100 %.").max(1, "The late penalty is between 0 and 100 %."),
    cooldownSeconds: ZOptionalCount(MAX_COOLDOWN_SECONDS, `The cooldown is a whole number of seconds from 1 to ${MAX_COOLDOWN_SECONDS}.`),
    maxAttempts: ZOptionalCount(MAX_ATTEMPTS_LIMIT, `The attempt limit is a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}.`),
    showHiddenDetailsBeforeDue: z.boolean(),
  })
  .transform(({ opensAt, dueAt, ...rest }) => ({
    ...rest,
    opensAt: zonedLocalToUtc(parseLocalDateTime(opensAt)!, rest.timeZone),
    dueAt: zonedLocalToUtc(parseLocalDateTime(dueAt)!, rest.timeZone),
  }))
  .refine((settings) => settings.dueAt > settings.opensAt, { message: "The due date must be after the opening date.", path: ["dueAt"] });
export type TAssignmentSettings = z.output<typeof ZAssignmentInput>;

/** "" from an empty number field means "no limit". */
const ZOptionalNumberField = z
  .union([z.string(), z.null()])
  .transform((raw) => (raw === null || raw.trim() === "" ? null : Number(raw.trim())))
  .pipe(z.number({ error: "Enter a number." }).nullable());

/** The assignment form's fields as FormData delivers them: strings, checkboxes as "on" or absent. */
export const ZAssignmentForm = z
  .object({
    title: z.string({ error: "Enter a title." }),
    exerciseIds: z.array(z.string()),
    opensAt: z.string({ error: "Enter the opening date." }),
    dueAt: z.string({ error: "Enter the due date." }),
    timeZone: z.string({ error: "Choose a time zone." }),
    allowLate: z.string().nullable(),
    latePenaltyPercent: ZOptionalNumberField,
    cooldownSeconds: ZOptionalNumberField,
    maxAttempts: ZOptionalNumberField,
    showHiddenDetailsBeforeDue: z.string().nullable(),
  })
  .transform(({ allowLate, latePenaltyPercent, showHiddenDetailsBeforeDue, ...rest }) => ({
    ...rest,
    allowLate: allowLate === "on",
    latePenaltyPerDay: (latePenaltyPercent ?? 0) / 100,
    showHiddenDetailsBeforeDue: showHiddenDetailsBeforeDue === "on",
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
    showHiddenDetailsBeforeDue: text("showHiddenDetailsBeforeDue"),
  });
}

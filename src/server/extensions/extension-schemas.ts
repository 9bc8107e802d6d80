// An extension or exception as staff enter it: a list of student emails (one per line, or separated
// by commas or spaces, for bulk entry), then a new due date in the assignment's time zone or a
// number of extra hours, and/or "excused", and an optional reason.
import { z } from "zod";
import { parseLocalDateTime } from "@/server/assignments/zoned-time";

const MAX_STUDENTS = 500;
const MAX_EXTRA_HOURS = 24 * 365;

export const ZExtensionInput = z
  .object({
    emails: z
      .string({ error: "extensionEmailsRequired" })
      .transform((text) => [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))])
      .pipe(
        z
          .array(z.email({ error: "extensionEmailInvalid" }))
          .min(1, "extensionEmailsRequired")
          .max(MAX_STUDENTS, "extensionTooManyStudents"),
      ),
    /** wall-clock date in the assignment's time zone, "" for none */
    dueAt: z
      .string()
      .trim()
      .refine((value) => value === "" || parseLocalDateTime(value) !== null, "extensionDueAtInvalid")
      .transform((value) => (value === "" ? null : value)),
    extraHours: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const hours = Number(value);
        if (!Number.isInteger(hours) || hours < 1 || hours > MAX_EXTRA_HOURS) {
          ctx.addIssue({ code: "custom", message: "extensionHoursRange" });
          return z.NEVER;
        }
        return hours;
      }),
    excused: z.boolean(),
    reason: z
      .string()
      .trim()
      .max(500, "extensionReasonTooLong")
      .transform((value) => (value === "" ? null : value)),
  })
  .refine((input) => !(input.dueAt !== null && input.extraHours !== null), { message: "extensionDueAtOrHours", path: ["dueAt"] })
  .refine((input) => input.excused || input.dueAt !== null || input.extraHours !== null, { message: "extensionNothingGiven", path: ["dueAt"] });

export type TExtensionInput = z.infer<typeof ZExtensionInput>;

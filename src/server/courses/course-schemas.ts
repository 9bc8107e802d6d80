// Inputs of the course and roster operations, validated at the boundary (form data, URL params).
import { z } from "zod";
import { ZCourseRole } from "@/server/permissions/roles";

/** Ids from URLs and hidden form fields: opaque, short, never trusted beyond their shape. */
export const ZId = z.string({ error: "An id is required." }).trim().min(1, "An id is required.").max(64, "That id is too long.");

export const ZCourseInput = z.object({
  title: z
    .string({ error: "Enter a course title." })
    .trim()
    .min(1, "Enter a course title.")
    .max(120, "A course title is at most 120 characters."),
  description: z
    .string()
    .trim()
    .max(2000, "A description is at most 2000 characters.")
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .default(null),
});
export type TCourseInput = z.infer<typeof ZCourseInput>;

export const ZRoleChange = z.object({
  userId: ZId,
  role: ZCourseRole,
});

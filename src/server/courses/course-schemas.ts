// Inputs of the course and roster operations, validated at the boundary (form data, URL params).
import { z } from "zod";
import { ZCourseRole } from "@/server/permissions/roles";

/** Ids from URLs and hidden form fields: opaque, short, never trusted beyond their shape. */
export const ZId = z.string({ error: "idRequired" }).trim().min(1, "idRequired").max(64, "idTooLong");

export const ZCourseInput = z.object({
  title: z
    .string({ error: "courseTitleRequired" })
    .trim()
    .min(1, "courseTitleRequired")
    .max(120, "courseTitleTooLong"),
  description: z
    .string()
    .trim()
    .max(2000, "descriptionTooLong")
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .default(null),
  /** a checkbox of the course settings; absent leaves it as it is (a new course starts with it off) */
  taMayOverrideScores: z.boolean().optional(),
});
export type TCourseInput = z.infer<typeof ZCourseInput>;

export const ZRoleChange = z.object({
  userId: ZId,
  role: ZCourseRole,
});

// Roles: a global role on the account, and a role per course on the enrollment.
import { z } from "zod";

export const ZUserRole = z.enum(["student", "instructor", "admin"]);
export type TUserRole = z.infer<typeof ZUserRole>;

export const ZCourseRole = z.enum(["student", "ta", "instructor"]);
export type TCourseRole = z.infer<typeof ZCourseRole>;

export interface TSessionUser {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
}

/** An active enrollment of the acting user in one course (removed enrollments count as none). */
export interface TMembership {
  courseId: string;
  role: TCourseRole;
}

// Changes a course's title, description and whether its TAs may set scores by hand.
import type { TDb } from "@/server/db-client";
import { canEditCourse } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TCourseInput } from "./course-schemas";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function updateCourse(db: TDb, options: { user: TSessionUser; courseId: string; input: TCourseInput }): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canEditCourse });
  await db.course.update({
    where: { id: options.courseId },
    data: { title: options.input.title, description: options.input.description, taMayOverrideScores: options.input.taMayOverrideScores },
  });
}

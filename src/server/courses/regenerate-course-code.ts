// Replaces a course's join code, e.g. after it leaked beyond the class. Enrolled students stay
// enrolled; only new joins need the new code.
import { generateCourseCode } from "@/server/courses/course-code";
import type { TDb } from "@/server/db-client";
import { canEditCourse } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

const CODE_ATTEMPTS = 5;

export async function regenerateCourseCode(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<{ code: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canEditCourse });
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.course.update({ where: { id: options.courseId }, data: { code: generateCourseCode() }, select: { code: true } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002" || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

// Creates a course with a fresh join code; its creator becomes its first instructor.
import { generateCourseCode } from "@/server/courses/course-code";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canCreateCourse } from "@/server/permissions/course-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TCourseInput } from "./course-schemas";

/** A collision among 31^8 codes is rare; a few retries make it practically impossible. */
const CODE_ATTEMPTS = 5;

export async function createCourse(db: TDb, options: { user: TSessionUser; input: TCourseInput }): Promise<{ id: string; code: string }> {
  if (!canCreateCourse(options.user)) {
    throw new AppError("forbidden", "onlyInstructorsCreateCourses");
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.course.create({
        data: {
          title: options.input.title,
          description: options.input.description,
          code: generateCourseCode(),
          enrollments: { create: { userId: options.user.id, role: "instructor" } },
        },
        select: { id: true, code: true },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002" || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

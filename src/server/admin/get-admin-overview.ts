// What the admin page shows: the accounts with the instructor role, and every course with its
// instructors and number of current students.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canListAllCourses, canManageInstructors } from "@/server/permissions/admin-permissions";
import type { TSessionUser } from "@/server/permissions/roles";

export interface TAdminOverview {
  instructors: { id: string; name: string; email: string }[];
  courses: { id: string; title: string; code: string; instructors: string[]; students: number }[];
}

export async function getAdminOverview(db: TDb, options: { user: TSessionUser }): Promise<TAdminOverview> {
  if (!canManageInstructors(options.user) || !canListAllCourses(options.user)) throw new AppError("not_found", "notFound");
  const [instructors, courses] = await Promise.all([
    db.user.findMany({ where: { role: "instructor" }, orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } }),
    db.course.findMany({
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        title: true,
        code: true,
        enrollments: { where: { removedAt: null }, select: { role: true, user: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    instructors,
    courses: courses.map((c) => ({
      id: c.id,
      title: c.title,
      code: c.code,
      instructors: c.enrollments.filter((e) => e.role === "instructor").map((e) => e.user.name),
      students: c.enrollments.filter((e) => e.role === "student").length,
    })),
  };
}

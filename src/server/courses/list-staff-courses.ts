// The courses a user teaches or assists in (all courses for an admin), for the instructor area.
import type { TDb } from "@/server/db-client";
import type { TSessionUser } from "@/server/permissions/roles";

export async function listStaffCourses(db: TDb, options: { user: TSessionUser }) {
  const where =
    options.user.role === "admin"
      ? {}
      : { enrollments: { some: { userId: options.user.id, removedAt: null, role: { in: ["ta" as const, "instructor" as const] } } } };
  const courses = await db.course.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      code: true,
      _count: { select: { enrollments: { where: { removedAt: null, role: "student" } } } },
    },
  });
  return courses.map((c) => ({ id: c.id, title: c.title, code: c.code, studentCount: c._count.enrollments }));
}

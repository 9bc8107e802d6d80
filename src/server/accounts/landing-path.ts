// Where a user lands after signing in without a page to return to: staff (instructors, admins,
// anyone who is a TA or instructor of a course) on their courses, students on their home page.
import { countStaffCourses } from "@/server/courses/count-staff-courses";
import type { TDb } from "@/server/db-client";
import { canOpenInstructorArea } from "@/server/permissions/course-permissions";
import { ZUserRole } from "@/server/permissions/roles";

export async function landingPathAfterSignIn(db: TDb, userId: string): Promise<"/" | "/instructor"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true } });
  if (!user) return "/";
  const sessionUser = { ...user, role: ZUserRole.catch("student").parse(user.role) };
  return canOpenInstructorArea(sessionUser, await countStaffCourses(db, { userId })) ? "/instructor" : "/";
}

// Everyone enrolled in a course with their role, the removed ones last, for the roster page.
import type { TDb } from "@/server/db-client";
import { canChangeEnrollmentRole, canRemoveStudent, canRestoreStudent, canViewCourseAdmin } from "@/server/permissions/instructor-permissions";
import { ZCourseRole, type TCourseRole, type TSessionUser } from "@/server/permissions/roles";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export interface TRosterEntry {
  userId: string;
  name: string;
  email: string;
  role: TCourseRole;
  joinedAt: string;
  removedAt: string | null;
  can: { changeRole: boolean; remove: boolean; restore: boolean };
}

export async function listRoster(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<TRosterEntry[]> {
  const membership = await requireCourseAccess(db, { ...options, can: canViewCourseAdmin });
  const enrollments = await db.enrollment.findMany({
    where: { courseId: options.courseId },
    include: { user: { select: { name: true, email: true } } },
  });
  const roleOrder: Record<TCourseRole, number> = { instructor: 0, ta: 1, student: 2 };
  return enrollments
    .map((e) => {
      const role = ZCourseRole.parse(e.role);
      const target = { userId: e.userId, role };
      const isRemoved = e.removedAt !== null;
      return {
        userId: e.userId,
        name: e.user.name,
        email: e.user.email,
        role,
        joinedAt: e.createdAt.toISOString(),
        removedAt: e.removedAt?.toISOString() ?? null,
        can: {
          changeRole: !isRemoved && canChangeEnrollmentRole(options.user, membership, target),
          remove: !isRemoved && canRemoveStudent(options.user, membership, target),
          restore: isRemoved && canRestoreStudent(options.user, membership),
        },
      };
    })
    .sort(
      (a, b) =>
        Number(a.removedAt !== null) - Number(b.removedAt !== null) ||
        roleOrder[a.role] - roleOrder[b.role] ||
        a.name.localeCompare(b.name) ||
        a.email.localeCompare(b.email),
    );
}

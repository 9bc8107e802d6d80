// A course as its staff see it: settings, join code, assignments, and what this viewer may change.
import type { TDb } from "@/server/db-client";
import { canEditCourse, canExportGrades, canManageAssignments, canStartRegrade, canViewCourseAdmin } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export interface TCourseOverview {
  id: string;
  title: string;
  description: string | null;
  taMayOverrideScores: boolean;
  code: string;
  studentCount: number;
  assignments: {
    id: string;
    title: string;
    opensAt: string;
    dueAt: string;
    timeZone: string;
    allowLate: boolean;
    latePenaltyPerDay: number;
    exerciseCount: number;
  }[];
  can: { edit: boolean; manageAssignments: boolean; exportGrades: boolean; regrade: boolean };
}

export async function getCourseOverview(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<TCourseOverview> {
  const membership = await requireCourseAccess(db, { ...options, can: canViewCourseAdmin });
  const course = await db.course.findUniqueOrThrow({
    where: { id: options.courseId },
    include: {
      assignments: { orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], include: { _count: { select: { exercises: true } } } },
      _count: { select: { enrollments: { where: { removedAt: null, role: "student" } } } },
    },
  });
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    taMayOverrideScores: course.taMayOverrideScores,
    code: course.code,
    studentCount: course._count.enrollments,
    assignments: course.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      opensAt: a.opensAt.toISOString(),
      dueAt: a.dueAt.toISOString(),
      timeZone: a.timeZone,
      allowLate: a.allowLate,
      latePenaltyPerDay: a.latePenaltyPerDay,
      exerciseCount: a._count.exercises,
    })),
    can: {
      edit: canEditCourse(options.user, membership),
      manageAssignments: canManageAssignments(options.user, membership),
      exportGrades: canExportGrades(options.user, membership),
      regrade: canStartRegrade(options.user, membership),
    },
  };
}

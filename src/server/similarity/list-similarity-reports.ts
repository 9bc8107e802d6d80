// The similarity reports of one assignment, newest first, and what a new one can be started
// over: the assignment's exercises and the other courses this user is staff of.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canStartSimilarityReport, canViewSimilarityReport } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { failInterruptedSimilarityReports } from "./similarity-activity";

export async function listSimilarityReports(db: TDb, options: { user: TSessionUser; courseId: string; assignmentId: string }) {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewSimilarityReport });
  const assignment = await db.assignment.findFirst({
    where: { id: options.assignmentId, courseId: options.courseId },
    select: { id: true, title: true, dueAt: true, exercises: { orderBy: { order: "asc" }, select: { exercise: { select: { id: true, slug: true, title: true, titleZh: true } } } } },
  });
  if (!assignment) throw new AppError("not_found", "assignmentNotFound");
  await failInterruptedSimilarityReports(db, { assignmentId: assignment.id });
  const reports = await db.similarityReport.findMany({
    where: { assignmentId: assignment.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      total: true,
      createdAt: true,
      exercise: { select: { slug: true, title: true, titleZh: true } },
      requestedBy: { select: { name: true } },
      _count: { select: { pairs: true } },
    },
  });
  const otherCourses = await db.course.findMany({
    where: { id: { not: options.courseId }, enrollments: { some: { userId: options.user.id, role: { in: ["ta", "instructor"] }, removedAt: null } } },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
  return { assignment, reports, otherCourses, canStart: canStartSimilarityReport(options.user, membership) };
}

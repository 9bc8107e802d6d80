// Queues a similarity report over one exercise of an assignment, optionally against the same
// exercise's answers in other courses the instructor also teaches (other sections, previous
// terms). The row is written here, queued; a grading process runs it (runSimilarityReport), and
// the page polls it. queueDueSimilarityReports queues the same rows automatically after a due date.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canStartSimilarityReport, canViewSimilarityReport } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { failInterruptedSimilarityReports } from "./similarity-activity";

export async function createSimilarityReport(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; exerciseId: string; comparisonCourseIds: string[] },
): Promise<{ reportId: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canStartSimilarityReport });
  const uses = await db.assignmentExercise.findFirst({
    where: { assignmentId: options.assignmentId, exerciseId: options.exerciseId, assignment: { courseId: options.courseId } },
    select: { exerciseId: true },
  });
  if (!uses) throw new AppError("not_found", "exerciseNotInAssignment");
  const comparisonCourseIds = [...new Set(options.comparisonCourseIds)].filter((id) => id !== options.courseId);
  // Another course's answers are its students' work: only its own staff may bring them in.
  for (const courseId of comparisonCourseIds) await requireCourseAccess(db, { user: options.user, courseId, can: canViewSimilarityReport });

  await failInterruptedSimilarityReports(db, { assignmentId: options.assignmentId });
  const open = await db.similarityReport.findFirst({
    where: { assignmentId: options.assignmentId, exerciseId: options.exerciseId, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (open) throw new AppError("conflict", "similarityAlreadyRunning");
  const report = await db.similarityReport.create({
    data: { assignmentId: options.assignmentId, exerciseId: options.exerciseId, requestedById: options.user.id, comparisonCourseIds },
    select: { id: true },
  });
  return { reportId: report.id };
}

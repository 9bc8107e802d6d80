// Cancels a queued or running similarity report: the row turns cancelled, and a run in progress
// finds its next write refused and stops without storing anything.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canStartSimilarityReport } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { findSimilarityReportInCourse } from "./get-similarity-report";

export async function cancelSimilarityReport(db: TDb, options: { user: TSessionUser; courseId: string; reportId: string }): Promise<void> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canStartSimilarityReport });
  await findSimilarityReportInCourse(db, options);
  const cancelled = await db.similarityReport.updateMany({
    where: { id: options.reportId, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  if (cancelled.count !== 1) throw new AppError("conflict", "similarityNotRunning");
}

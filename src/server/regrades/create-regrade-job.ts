// Queues a regrade of one exercise's submissions in a course, for every student or one. The job
// row is written here, queued; the caller announces it to the grading queue (enqueueRegradeJob),
// a grading process runs it (runRegradeJob) and the page polls it.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canStartRegrade } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { failInterruptedRegradeJobs, getRegradeOwnerToken } from "./regrade-activity";
import { emptyRegradeReport, readRegradeReport } from "./regrade-report";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function createRegradeJob(
  db: TDb,
  options: { user: TSessionUser; courseId: string; exerciseId: string; studentId: string | null },
): Promise<{ jobId: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canStartRegrade });
  const usedInCourse = await db.assignmentExercise.findFirst({
    where: { exerciseId: options.exerciseId, assignment: { courseId: options.courseId } },
    select: { exerciseId: true },
  });
  if (!usedInCourse) throw new AppError("not_found", "exerciseNotInCourse");
  if (options.studentId !== null) {
    const enrollment = await db.enrollment.findUnique({
      where: { courseId_userId: { courseId: options.courseId, userId: options.studentId } },
      select: { userId: true },
    });
    if (!enrollment) throw new AppError("not_found", "studentNotInCourse");
  }

  const open = await db.regradeJob.findMany({
    where: { exerciseId: options.exerciseId, status: { in: ["queued", "running"] } },
    select: { id: true, status: true, report: true, ownerToken: true, heartbeatAt: true, createdAt: true },
  });
  const interrupted = await failInterruptedRegradeJobs(db, open);
  const isBusy = open.some((job) => !interrupted.includes(job.id) && readRegradeReport(job.report)?.courseId === options.courseId);
  if (isBusy) {
    throw new AppError("conflict", "regradeAlreadyRunning");
  }

  const total = await db.submission.count({
    where: {
      courseId: options.courseId,
      exerciseId: options.exerciseId,
      mode: "submit",
      status: { in: [...GRADED_STATUSES] },
      ...(options.studentId !== null ? { userId: options.studentId } : {}),
    },
  });
  const job = await db.regradeJob.create({
    data: {
      exerciseId: options.exerciseId,
      userId: options.studentId,
      requestedById: options.user.id,
      status: "queued",
      total,
      report: emptyRegradeReport(options.courseId),
      ownerToken: getRegradeOwnerToken(),
      heartbeatAt: new Date(),
    },
    select: { id: true },
  });
  return { jobId: job.id };
}

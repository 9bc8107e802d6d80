// One regrade job's progress and report, for the page that follows it and the polling route.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canViewRegradeJob } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { failInterruptedRegradeJobs } from "./regrade-activity";
import { readRegradeReport, type TRegradeReport } from "./regrade-report";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export interface TRegradeJobView {
  id: string;
  courseId: string;
  status: string;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  exercise: { slug: string; title: string; titleZh: string | null };
  student: { name: string; email: string } | null;
  requestedBy: string;
  report: TRegradeReport;
}

const NOT_FOUND = () => new AppError("not_found", "regradeJobNotFound");

export async function getRegradeJob(db: TDb, options: { user: TSessionUser; jobId: string; courseId?: string }): Promise<TRegradeJobView> {
  const job = await db.regradeJob.findUnique({ where: { id: options.jobId } });
  const report = job ? readRegradeReport(job.report) : null;
  // A job is reached through its course: from another course's pages it does not exist.
  if (!job || !report || (options.courseId !== undefined && report.courseId !== options.courseId)) throw NOT_FOUND();
  await requireCourseAccess(db, { user: options.user, courseId: report.courseId, can: canViewRegradeJob });
  await failInterruptedRegradeJobs(db, [job]);
  const fresh = await db.regradeJob.findUniqueOrThrow({
    where: { id: job.id },
    include: {
      exercise: { select: { slug: true, title: true, titleZh: true } },
      user: { select: { name: true, email: true } },
      requestedBy: { select: { name: true } },
    },
  });
  return {
    id: fresh.id,
    courseId: report.courseId,
    status: fresh.status,
    total: fresh.total,
    done: fresh.done,
    createdAt: fresh.createdAt.toISOString(),
    finishedAt: fresh.finishedAt?.toISOString() ?? null,
    exercise: fresh.exercise,
    student: fresh.user,
    requestedBy: fresh.requestedBy.name,
    report: readRegradeReport(fresh.report) ?? report,
  };
}

// A course's recent regrade jobs, newest first, with what the regrade form offers to regrade.
import type { TDb } from "@/server/db-client";
import { canStartRegrade, canViewRegradeJob } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { listActiveStudents, type TStudent } from "@/server/roster/list-active-students";
import { failInterruptedRegradeJobs } from "./regrade-activity";
import { readRegradeReport } from "./regrade-report";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

const RECENT_JOBS = 30;

export interface TRegradeJobSummary {
  id: string;
  status: string;
  total: number;
  done: number;
  changed: number;
  failed: number;
  createdAt: string;
  exercise: { slug: string; title: string; titleZh: string | null };
  student: { name: string } | null;
}

export interface TRegradeOverview {
  jobs: TRegradeJobSummary[];
  exercises: { id: string; slug: string; title: string; titleZh: string | null }[];
  students: TStudent[];
  canStart: boolean;
}

export async function listRegradeJobs(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<TRegradeOverview> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewRegradeJob });
  const [exercises, students] = await Promise.all([
    db.exercise.findMany({
      where: { assignments: { some: { assignment: { courseId: options.courseId } } } },
      orderBy: [{ order: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, title: true, titleZh: true },
    }),
    listActiveStudents(db, options.courseId),
  ]);
  // Jobs carry their course in the report JSON, so the exercise narrows the query and the report
  // decides. Regrades are started by hand and few, so reading them all stays cheap.
  const candidates = await db.regradeJob.findMany({
    where: { exerciseId: { in: exercises.map((e) => e.id) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, report: true, ownerToken: true, heartbeatAt: true, createdAt: true },
  });
  const mine = candidates.filter((job) => readRegradeReport(job.report)?.courseId === options.courseId).slice(0, RECENT_JOBS);
  await failInterruptedRegradeJobs(db, mine);
  const jobs = await db.regradeJob.findMany({
    where: { id: { in: mine.map((job) => job.id) } },
    orderBy: { createdAt: "desc" },
    include: { exercise: { select: { slug: true, title: true, titleZh: true } }, user: { select: { name: true } } },
  });
  return {
    jobs: jobs.map((job) => {
      const report = readRegradeReport(job.report);
      return {
        id: job.id,
        status: job.status,
        total: job.total,
        done: job.done,
        changed: report?.changes.length ?? 0,
        failed: report?.failures.length ?? 0,
        createdAt: job.createdAt.toISOString(),
        exercise: job.exercise,
        student: job.user,
      };
    }),
    exercises,
    students,
    canStart: canStartRegrade(options.user, membership),
  };
}

// One similarity report for its page: progress, the analysed students (with their cluster), the
// stored pairs, and for one chosen pair both files with the matched line ranges. Reached only
// through its course: from another course, or by a student, it does not exist.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canViewSimilarityReport } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { failInterruptedSimilarityReports } from "./similarity-activity";
import { ZSimilarityFragments, type TSimilarityFragments } from "./similarity-schemas";

export interface TSimilarityStudent {
  entryId: string;
  submissionId: string;
  userId: string;
  name: string;
  email: string;
  /** set for a comparison course's student */
  otherCourse: { id: string; title: string; assignmentId: string | null } | null;
  score: number | null;
  cluster: number | null;
}

export interface TSimilarityPairView {
  id: string;
  leftEntryId: string;
  rightEntryId: string;
  similarity: number;
  longestFragment: number;
}

export interface TSimilarityReportView {
  id: string;
  assignmentId: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  errorKey: string | null;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
  exercise: { slug: string; title: string; titleZh: string | null };
  comparisonCourses: { id: string; title: string }[];
  students: TSimilarityStudent[];
  pairs: TSimilarityPairView[];
  /** the pair asked for, with both files */
  selected: (TSimilarityPairView & { leftCode: string; rightCode: string; fragments: TSimilarityFragments }) | null;
}

const notFound = () => new AppError("not_found", "similarityReportNotFound");

export async function findSimilarityReportInCourse(db: TDb, options: { courseId: string; reportId: string }) {
  const report = await db.similarityReport.findFirst({ where: { id: options.reportId, assignment: { courseId: options.courseId } } });
  if (!report) throw notFound();
  return report;
}

export async function getSimilarityReport(
  db: TDb,
  options: { user: TSessionUser; courseId: string; reportId: string; pairId?: string },
): Promise<TSimilarityReportView> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewSimilarityReport });
  const found = await findSimilarityReportInCourse(db, options);
  await failInterruptedSimilarityReports(db, { assignmentId: found.assignmentId });
  const report = await db.similarityReport.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      exercise: { select: { slug: true, title: true, titleZh: true } },
      requestedBy: { select: { name: true } },
      entries: {
        include: {
          submission: {
            select: {
              id: true,
              score: true,
              courseId: true,
              assignmentId: true,
              user: { select: { id: true, name: true, email: true } },
              course: { select: { id: true, title: true } },
            },
          },
        },
      },
      pairs: { orderBy: { similarity: "desc" }, select: { id: true, leftEntryId: true, rightEntryId: true, similarity: true, longestFragment: true } },
    },
  });
  const comparisonIds = report.entries.map((entry) => entry.submission.courseId).filter((id): id is string => id !== null && id !== options.courseId);
  const comparisonCourses = await db.course.findMany({ where: { id: { in: [...new Set(comparisonIds)] } }, select: { id: true, title: true } });
  const students = report.entries.map(
    (entry): TSimilarityStudent => ({
      entryId: entry.id,
      submissionId: entry.submission.id,
      userId: entry.submission.user.id,
      name: entry.submission.user.name,
      email: entry.submission.user.email,
      otherCourse:
        entry.submission.assignmentId === report.assignmentId || !entry.submission.course
          ? null
          : { id: entry.submission.course.id, title: entry.submission.course.title, assignmentId: entry.submission.assignmentId },
      score: entry.submission.score,
      cluster: entry.cluster,
    }),
  );
  let selected: TSimilarityReportView["selected"] = null;
  if (options.pairId) {
    const pair = await db.similarityPair.findFirst({
      where: { id: options.pairId, reportId: report.id },
      include: { left: { select: { submission: { select: { code: true } } } }, right: { select: { submission: { select: { code: true } } } } },
    });
    if (pair) {
      selected = {
        id: pair.id,
        leftEntryId: pair.leftEntryId,
        rightEntryId: pair.rightEntryId,
        similarity: pair.similarity,
        longestFragment: pair.longestFragment,
        leftCode: pair.left.submission.code,
        rightCode: pair.right.submission.code,
        fragments: ZSimilarityFragments.parse(pair.fragments),
      };
    }
  }
  return {
    id: report.id,
    assignmentId: report.assignmentId,
    status: report.status,
    errorKey: report.errorKey,
    total: report.total,
    done: report.done,
    createdAt: report.createdAt.toISOString(),
    finishedAt: report.finishedAt?.toISOString() ?? null,
    requestedBy: report.requestedBy?.name ?? null,
    exercise: report.exercise,
    comparisonCourses,
    students,
    pairs: report.pairs,
    selected,
  };
}

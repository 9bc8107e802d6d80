// One student's submissions to one exercise of an assignment, with code and full results, for
// the staff's drill-down from the progress matrix. Removed students' work stays visible.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canOverrideScores, canViewStudentWork } from "@/server/permissions/instructor-permissions";
import { loadScoreOverrides, type TScoreOverride } from "@/server/overrides/load-score-overrides";
import type { TSessionUser } from "@/server/permissions/roles";
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSubmissionSummary } from "./list-submission-history";
import { showStoredResult } from "./redact-hidden-details";

export interface TStaffSubmission extends TSubmissionSummary {
  latePenalty: number;
  attempt: number | null;
  regradedAt: string | null;
}

export interface TStudentExerciseSubmissions {
  student: { userId: string; name: string; email: string; isRemoved: boolean };
  assignment: { id: string; title: string };
  exercise: { id: string; slug: string; title: string; titleZh: string | null };
  submissions: TStaffSubmission[];
  /** the score set by hand, if any, which counts instead of the submissions' */
  override: TScoreOverride | null;
  points: number;
  can: { override: boolean };
}

export async function listStudentExerciseSubmissions(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; studentId: string; slug: string },
): Promise<TStudentExerciseSubmissions> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewStudentWork });
  const assignment = await findCourseAssignment(db, options);
  const [enrollment, link] = await Promise.all([
    db.enrollment.findUnique({
      where: { courseId_userId: { courseId: options.courseId, userId: options.studentId } },
      include: { user: { select: { name: true, email: true } } },
    }),
    db.assignmentExercise.findFirst({ where: { assignmentId: assignment.id, exercise: { slug: options.slug } }, include: { exercise: true } }),
  ]);
  if (!enrollment || !link) throw new AppError("not_found", "studentOrExerciseNotFound");
  const [rows, overrides, course] = await Promise.all([
    db.submission.findMany({
      where: { assignmentId: assignment.id, userId: options.studentId, exerciseId: link.exerciseId, mode: "submit" },
      orderBy: { receivedAt: "desc" },
    }),
    loadScoreOverrides(db, { assignmentIds: [assignment.id], userId: options.studentId, exerciseId: link.exerciseId }),
    db.course.findUniqueOrThrow({ where: { id: options.courseId }, select: { taMayOverrideScores: true } }),
  ]);
  return {
    student: { userId: enrollment.userId, name: enrollment.user.name, email: enrollment.user.email, isRemoved: enrollment.removedAt !== null },
    assignment: { id: assignment.id, title: assignment.title },
    exercise: { id: link.exercise.id, slug: link.exercise.slug, title: link.exercise.title, titleZh: link.exercise.titleZh },
    submissions: rows.map((s) => {
      return {
        id: s.id,
        createdAt: s.receivedAt.toISOString(),
        status: s.status,
        score: s.score,
        maxScore: s.maxScore,
        code: s.code,
        isLate: s.isLate,
        latePenalty: s.latePenalty,
        attempt: s.attempt,
        regradedAt: s.regradedAt?.toISOString() ?? null,
        result: showStoredResult(s.result, null),
      };
    }),
    override: [...overrides.values()][0] ?? null,
    points: link.points ?? link.exercise.points,
    can: { override: enrollment.role === "student" && canOverrideScores(options.user, membership, course) },
  };
}

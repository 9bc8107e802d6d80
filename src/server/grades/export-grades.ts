// The course's final scores for the LMS gradebook: per current student and assignment, the sum
// over the assignment's exercises of the best submission score in that assignment. A stored
// score already has its late penalty applied, so late work counts as penalised. A student
// excused from an assignment gets "EX" there instead of a score. A score set by hand replaces the
// best submission's and is named in the Notes column.
import type { TDb } from "@/server/db-client";
import { canExportGrades } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { pickBestSubmission, roundScore } from "./best-submission";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { buildGradesCsv } from "./grades-csv";
import { groupBy } from "./group-by";
import { listActiveStudents } from "@/server/roster/list-active-students";
import { loadScoreOverrides, overrideKey } from "@/server/overrides/load-score-overrides";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export async function exportGrades(db: TDb, options: { user: TSessionUser; courseId: string; now?: Date }): Promise<{ filename: string; csv: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canExportGrades });
  const [course, students] = await Promise.all([
    db.course.findUniqueOrThrow({
      where: { id: options.courseId },
      select: {
        code: true,
        assignments: { orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, exercises: { select: { exerciseId: true, exercise: { select: { slug: true } } } } } },
      },
    }),
    listActiveStudents(db, options.courseId),
  ]);
  const submissions = await db.submission.findMany({
    where: {
      assignmentId: { in: course.assignments.map((a) => a.id) },
      userId: { in: students.map((s) => s.userId) },
      mode: "submit",
      status: { in: [...GRADED_STATUSES] },
    },
    select: { userId: true, assignmentId: true, exerciseId: true, score: true, isLate: true, receivedAt: true },
  });
  const excused = new Set(
    (
      await db.assignmentException.findMany({
        where: { assignmentId: { in: course.assignments.map((a) => a.id) }, excused: true },
        select: { assignmentId: true, userId: true },
      })
    ).map((e) => `${e.userId} ${e.assignmentId}`),
  );
  const overrides = await loadScoreOverrides(db, { assignmentIds: course.assignments.map((a) => a.id) });
  const byCell = groupBy(submissions, (s) => `${s.userId} ${s.assignmentId} ${s.exerciseId}`);
  const csv = buildGradesCsv({
    assignmentTitles: course.assignments.map((a) => a.title),
    students: students.map((student) => ({
      name: student.name,
      email: student.email,
      scores: course.assignments.map((assignment) =>
        excused.has(`${student.userId} ${assignment.id}`)
          ? ("EX" as const)
          : roundScore(
              assignment.exercises.reduce((sum, { exerciseId }) => {
                const key = overrideKey(student.userId, assignment.id, exerciseId);
                const best = pickBestSubmission(byCell.get(key) ?? []);
                return sum + (overrides.get(key)?.score ?? best?.score ?? 0);
              }, 0),
            ),
      ),
      notes: course.assignments
        .flatMap((assignment) =>
          assignment.exercises
            .filter(({ exerciseId }) => overrides.has(overrideKey(student.userId, assignment.id, exerciseId)))
            .map(({ exercise }) => `set by hand: ${assignment.title} / ${exercise.slug}`),
        )
        .join("; "),
    })),
  });
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  return { filename: `convlab-grades-${course.code}-${date}.csv`, csv };
}

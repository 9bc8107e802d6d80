// The course's final scores for an LMS gradebook, in one of three layouts (TGradesFormat): per
// current student and assignment, the sum over the assignment's exercises of the best submission
// score in that assignment, or of the score staff set by hand, which replaces it. A stored score
// already has its late penalty applied, so late work counts as penalised. Each cell reads the
// student's own due date: blank while the assignment is not yet due for them and they have
// nothing graded, 0 after it with nothing submitted, "EX" when they are excused.
import { effectiveDueAt } from "@/server/assignments/effective-due";
import type { TDb } from "@/server/db-client";
import { loadScoreOverrides, overrideKey } from "@/server/overrides/load-score-overrides";
import { canExportGrades } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { listActiveStudents } from "@/server/roster/list-active-students";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { pickBestSubmission, roundScore } from "./best-submission";
import { buildGradesCsv, buildSpreadsheetCsv, type TGradeCell } from "./grades-csv";
import { groupBy } from "./group-by";

export const GRADES_FORMATS = ["generic", "canvas", "moodle"] as const;
export type TGradesFormat = (typeof GRADES_FORMATS)[number];

export async function exportGrades(
  db: TDb,
  options: { user: TSessionUser; courseId: string; format?: TGradesFormat; now?: Date },
): Promise<{ filename: string; csv: string }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canExportGrades });
  const now = options.now ?? new Date();
  const format = options.format ?? "generic";
  const [course, students] = await Promise.all([
    db.course.findUniqueOrThrow({
      where: { id: options.courseId },
      select: {
        code: true,
        assignments: {
          orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            title: true,
            dueAt: true,
            exercises: { orderBy: { order: "asc" }, select: { exerciseId: true, points: true, exercise: { select: { slug: true, points: true } } } },
            exceptions: { select: { userId: true, dueAt: true, excused: true } },
          },
        },
      },
    }),
    listActiveStudents(db, options.courseId),
  ]);
  const assignmentIds = course.assignments.map((a) => a.id);
  const [submissions, overrides] = await Promise.all([
    db.submission.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: students.map((s) => s.userId) }, mode: "submit", status: { in: [...GRADED_STATUSES] } },
      select: { userId: true, assignmentId: true, exerciseId: true, score: true, isLate: true, receivedAt: true },
    }),
    loadScoreOverrides(db, { assignmentIds }),
  ]);
  const byCell = groupBy(submissions, (s) => `${s.userId} ${s.assignmentId} ${s.exerciseId}`);

  /** One cell from the scores that count (null: nothing graded nor set by hand). */
  function cell(scores: (number | null)[], assignment: (typeof course.assignments)[number], userId: string): TGradeCell {
    const exception = assignment.exceptions.find((e) => e.userId === userId);
    if (exception?.excused) return "EX";
    if (scores.every((score) => score === null)) return effectiveDueAt(assignment, exception) > now ? "" : 0;
    return roundScore(scores.reduce<number>((sum, score) => sum + (score ?? 0), 0));
  }

  const rows = students.map((student) => {
    const perExercise = course.assignments.map((assignment) =>
      assignment.exercises.map(({ exerciseId }) => {
        const key = overrideKey(student.userId, assignment.id, exerciseId);
        const override = overrides.get(key);
        if (override) return override.score;
        const best = pickBestSubmission(byCell.get(key) ?? []);
        return best ? (best.score ?? 0) : null;
      }),
    );
    return {
      ...student,
      scores: course.assignments.map((assignment, i) => cell(perExercise[i]!, assignment, student.userId)),
      exerciseScores: course.assignments.flatMap((assignment, i) => perExercise[i]!.map((score) => cell([score], assignment, student.userId))),
      notes: course.assignments
        .flatMap((assignment) =>
          assignment.exercises
            .filter(({ exerciseId }) => overrides.has(overrideKey(student.userId, assignment.id, exerciseId)))
            .map(({ exercise }) => `set by hand: ${assignment.title} / ${exercise.slug}`),
        )
        .join("; "),
    };
  });

  const date = now.toISOString().slice(0, 10);
  const filename = `convlab-grades-${course.code}-${date}${format === "generic" ? "" : `-${format}`}.csv`;
  if (format === "canvas") {
    // Canvas's gradebook layout: it matches students by SIS Login ID (our email) when ID is empty.
    const points = course.assignments.map((a) => a.exercises.reduce((sum, e) => sum + (e.points ?? e.exercise.points), 0));
    const csv = buildSpreadsheetCsv(
      ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...course.assignments.map((a) => `${a.title} (${a.id})`)],
      [["Points Possible", "", "", "", "", ...points], ...rows.map((r) => [r.name, "", "", r.email, "", ...r.scores])],
    );
    return { filename, csv };
  }
  if (format === "moodle") {
    // Moodle's grade import maps a column to the "Email address" user field.
    const csv = buildSpreadsheetCsv(["Email address", "Full name", ...course.assignments.map((a) => a.title)], rows.map((r) => [r.email, r.name, ...r.scores]));
    return { filename, csv };
  }
  const csv = buildGradesCsv({
    assignmentTitles: course.assignments.map((a) => a.title),
    exerciseTitles: course.assignments.flatMap((a) => a.exercises.map((e) => `${a.title} / ${e.exercise.slug}`)),
    students: rows,
  });
  return { filename, csv };
}

// Students × exercises of one assignment: each cell the best score, the number of graded attempts,
// whether the counted submission was late and what is still being graded. Computed from the
// assignment's submissions, not from the Progress table, because Progress spans every assignment
// that uses the same exercise.
import type { TDb } from "@/server/db-client";
import { canPublishResults, canViewStudentWork } from "@/server/permissions/instructor-permissions";
import type { TReleaseTiming } from "@/server/assignments/release";
import type { TSessionUser } from "@/server/permissions/roles";
import { pickBestSubmission, roundScore } from "./best-submission";
import { GRADED_STATUSES, IN_FLIGHT_STATUSES } from "@/server/submissions/submission-status";
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { groupBy } from "./group-by";
import { listActiveStudents } from "@/server/roster/list-active-students";
import { loadAssignmentExercises, type TAssignmentExercise } from "@/server/assignments/load-assignment-exercises";
import { loadScoreOverrides, overrideKey } from "@/server/overrides/load-score-overrides";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export interface TMatrixCell {
  bestScore: number | null;
  attempts: number;
  pending: number;
  isLate: boolean;
  hasPassed: boolean;
  /** the score was set by hand (bestScore is that score); the comment the student sees */
  override: { comment: string } | null;
}

export interface TMatrixRow {
  userId: string;
  name: string;
  email: string;
  /** one per exercise, in the order of `exercises` */
  cells: TMatrixCell[];
  total: number;
}

export interface TProgressMatrix {
  assignment: { id: string; title: string; dueAt: string; timeZone: string };
  /** when students see their results (src/server/assignments/release.ts), and whether this viewer may publish them */
  release: { scores: TReleaseTiming; hiddenDetails: TReleaseTiming; publishedAt: string | null; canPublish: boolean };
  exercises: TAssignmentExercise[];
  rows: TMatrixRow[];
  maxTotal: number;
}

export async function getProgressMatrix(db: TDb, options: { user: TSessionUser; courseId: string; assignmentId: string }): Promise<TProgressMatrix> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewStudentWork });
  const assignment = await findCourseAssignment(db, options);
  const [exercises, students, submissions, overrides] = await Promise.all([
    loadAssignmentExercises(db, assignment.id),
    listActiveStudents(db, options.courseId),
    db.submission.findMany({
      where: { assignmentId: assignment.id, mode: "submit", status: { in: [...GRADED_STATUSES, ...IN_FLIGHT_STATUSES] } },
      select: { userId: true, exerciseId: true, status: true, score: true, isLate: true, receivedAt: true },
    }),
    loadScoreOverrides(db, { assignmentIds: [assignment.id] }),
  ]);
  const byCell = groupBy(submissions, (s) => `${s.userId} ${s.exerciseId}`);
  const rows = students.map((student) => {
    const cells = exercises.map((exercise): TMatrixCell => {
      const mine = byCell.get(`${student.userId} ${exercise.id}`) ?? [];
      const scored = mine.filter((s) => (GRADED_STATUSES as readonly string[]).includes(s.status));
      const best = pickBestSubmission(scored);
      const override = overrides.get(overrideKey(student.userId, assignment.id, exercise.id));
      return {
        bestScore: override ? roundScore(override.score) : best ? roundScore(best.score!) : null,
        attempts: scored.length,
        pending: mine.length - scored.length,
        isLate: best?.isLate ?? false,
        hasPassed: scored.some((s) => s.status === "passed"),
        override: override ? { comment: override.comment } : null,
      };
    });
    return { ...student, cells, total: roundScore(cells.reduce((sum, cell) => sum + (cell.bestScore ?? 0), 0)) };
  });
  return {
    assignment: { id: assignment.id, title: assignment.title, dueAt: assignment.dueAt.toISOString(), timeZone: assignment.timeZone },
    release: {
      scores: assignment.scoresRelease,
      hiddenDetails: assignment.hiddenDetailsRelease,
      publishedAt: assignment.resultsPublishedAt?.toISOString() ?? null,
      canPublish: canPublishResults(options.user, membership),
    },
    exercises,
    rows,
    maxTotal: exercises.reduce((sum, exercise) => sum + exercise.points, 0),
  };
}

// The home page of a student: every assignment of their courses with each exercise's status,
// best score, attempts and their own due date (an extension replaces the assignment's). Before an
// assignment releases its scores, an exercise with graded work reads "submitted", without a score.
import { effectiveDueAt } from "./effective-due";
import { releaseWait, type TReleaseWait } from "./release";
import type { TDb } from "@/server/db-client";

export type TExerciseStatus = "not-started" | "in-progress" | "submitted" | "passed";

export interface TAssignmentSummary {
  id: string;
  title: string;
  courseId: string;
  courseTitle: string;
  opensAt: string;
  dueAt: string;
  timeZone: string;
  allowLate: boolean;
  /** time until the due date when the list was made; negative once it has passed */
  msLeft: number;
  /** what the scores wait for, while the assignment has not released them to this student */
  resultAfter: TReleaseWait | null;
  exercises: {
    slug: string;
    title: string;
    titleZh: string | null;
    points: number;
    status: TExerciseStatus;
    bestScore: number | null;
    maxScore: number | null;
    attempts: number;
  }[];
}

export async function listStudentAssignments(db: TDb, options: { userId: string; now?: Date }): Promise<TAssignmentSummary[]> {
  const now = (options.now ?? new Date()).getTime();
  const assignments = await db.assignment.findMany({
    where: { course: { enrollments: { some: { userId: options.userId, removedAt: null } } } },
    orderBy: [{ dueAt: "asc" }],
    include: {
      course: { select: { title: true } },
      exceptions: { where: { userId: options.userId }, select: { dueAt: true } },
      exercises: { orderBy: { order: "asc" }, include: { exercise: true } },
    },
  });
  const exerciseIds = [...new Set(assignments.flatMap((a) => a.exercises.map((e) => e.exerciseId)))];
  const [progress, drafts] = await Promise.all([
    db.progress.findMany({ where: { userId: options.userId, exerciseId: { in: exerciseIds } } }),
    db.draft.findMany({ where: { userId: options.userId, exerciseId: { in: exerciseIds } }, select: { exerciseId: true } }),
  ]);
  const progressBy = new Map(progress.map((p) => [p.exerciseId, p]));
  const drafted = new Set(drafts.map((d) => d.exerciseId));
  return assignments.map((a) => {
    const dueAt = effectiveDueAt(a, a.exceptions[0]);
    const resultAfter = releaseWait(a.scoresRelease, { ...a, dueAt }, new Date(now));
    return {
      id: a.id,
      title: a.title,
      courseId: a.courseId,
      courseTitle: a.course.title,
      opensAt: a.opensAt.toISOString(),
      dueAt: dueAt.toISOString(),
      timeZone: a.timeZone,
      allowLate: a.allowLate,
      msLeft: dueAt.getTime() - now,
      resultAfter,
      exercises: a.exercises.map(({ exercise, points }) => {
        const p = progressBy.get(exercise.id);
        const shown = resultAfter === null ? p : undefined;
        const graded: TExerciseStatus = shown ? (shown.passedAt ? "passed" : "in-progress") : "submitted";
        const status: TExerciseStatus = p ? graded : drafted.has(exercise.id) ? "in-progress" : "not-started";
        return {
          slug: exercise.slug,
          title: exercise.title,
          titleZh: exercise.titleZh,
          points: points ?? exercise.points,
          status,
          bestScore: shown ? shown.bestScore : null,
          maxScore: shown ? shown.maxScore : null,
          attempts: p?.attempts ?? 0,
        };
      }),
    };
  });
}

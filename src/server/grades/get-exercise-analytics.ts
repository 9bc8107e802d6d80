// Analytics of every exercise of one assignment, over the course's current students.
import type { TDb } from "@/server/db-client";
import { canViewAnalytics } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { computeExerciseStats, type TExerciseStats } from "./compute-exercise-analytics";
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { groupBy } from "./group-by";
import { listActiveStudents } from "@/server/roster/list-active-students";
import { loadAssignmentExercises, type TAssignmentExercise } from "@/server/assignments/load-assignment-exercises";
import { requireCourseAccess } from "@/server/permissions/require-course-access";

export interface TAssignmentAnalytics {
  assignment: { id: string; title: string };
  studentCount: number;
  exercises: (TAssignmentExercise & { stats: TExerciseStats })[];
}

export async function getExerciseAnalytics(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string },
): Promise<TAssignmentAnalytics> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewAnalytics });
  const assignment = await findCourseAssignment(db, options);
  const [exercises, students] = await Promise.all([loadAssignmentExercises(db, assignment.id), listActiveStudents(db, options.courseId)]);
  const submissions = await db.submission.findMany({
    where: {
      assignmentId: assignment.id,
      mode: "submit",
      status: { in: [...GRADED_STATUSES] },
      userId: { in: students.map((s) => s.userId) },
    },
    select: { userId: true, exerciseId: true, status: true, receivedAt: true, result: true },
  });
  const byExercise = groupBy(submissions, (s) => s.exerciseId);
  return {
    assignment: { id: assignment.id, title: assignment.title },
    studentCount: students.length,
    exercises: exercises.map((exercise) => ({ ...exercise, stats: computeExerciseStats(byExercise.get(exercise.id) ?? []) })),
  };
}

// The drill-down from one mistake in an assignment's analytics: the course's current students
// whose graded submissions to one exercise the grader diagnosed with it, each with their latest
// such submission (to open in the staff submission view) and whether their latest graded
// submission still has it.
import type { TMessage } from "@/grading/result-format";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canViewMistakeStudents } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { loadAssignmentExercises, type TAssignmentExercise } from "@/server/assignments/load-assignment-exercises";
import { listActiveStudents, type TStudent } from "@/server/roster/list-active-students";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";
import { diagnosesOf } from "./compute-exercise-analytics";
import { groupBy } from "./group-by";

/** In the student's latest graded submission: the mistake is still there, gone, or gone because they passed. */
export type TMistakeState = "still" | "gone" | "passed";

export interface TMistakeStudent extends TStudent {
  /** graded submissions the grader gave this mistake */
  submissions: number;
  latest: { submissionId: string; receivedAt: string };
  state: TMistakeState;
}

export interface TMistakeStudents {
  assignment: { id: string; title: string };
  exercise: TAssignmentExercise;
  code: string;
  /** the grader's sentence for the mistake, from the latest diagnosis; null when nobody made it */
  message: TMessage | null;
  students: TMistakeStudent[];
}

export async function listMistakeStudents(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; slug: string; code: string },
): Promise<TMistakeStudents> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewMistakeStudents });
  const assignment = await findCourseAssignment(db, options);
  const [exercises, roster] = await Promise.all([loadAssignmentExercises(db, assignment.id), listActiveStudents(db, options.courseId)]);
  const exercise = exercises.find((e) => e.slug === options.slug);
  if (!exercise) throw new AppError("not_found", "exerciseNotInAssignment");
  const submissions = await db.submission.findMany({
    where: {
      assignmentId: assignment.id,
      exerciseId: exercise.id,
      mode: "submit",
      status: { in: [...GRADED_STATUSES] },
      userId: { in: roster.map((s) => s.userId) },
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, status: true, receivedAt: true, result: true },
  });
  const diagnosed = submissions.map((submission) => {
    return { ...submission, diagnosis: diagnosesOf(submission.result).find((d) => d.code === options.code) ?? null };
  });
  const byStudent = groupBy(diagnosed, (s) => s.userId);
  let message: TMessage | null = null;
  const students: TMistakeStudent[] = [];
  for (const student of roster) {
    const history = byStudent.get(student.userId) ?? [];
    const withMistake = history.filter((s) => s.diagnosis !== null);
    const latest = withMistake.at(-1);
    if (!latest) continue;
    message = latest.diagnosis!.message;
    const last = history.at(-1)!;
    students.push({
      ...student,
      submissions: withMistake.length,
      latest: { submissionId: latest.id, receivedAt: latest.receivedAt.toISOString() },
      state: last.diagnosis ? "still" : last.status === "passed" ? "passed" : "gone",
    });
  }
  return { assignment: { id: assignment.id, title: assignment.title }, exercise, code: options.code, message, students };
}

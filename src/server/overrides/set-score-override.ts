// Sets one student's score on one exercise of an assignment by hand, with a comment the student
// sees. It lives beside the submissions, not in them, so regrades (which write new submission
// scores) never undo it; every reader of a score (matrix, export, the student's page, the LMS
// grade passback) applies it.
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import { loadAssignmentExercises } from "@/server/assignments/load-assignment-exercises";
import type { TDb } from "@/server/db-client";
import { queueScoreSync } from "@/server/lti/score-sync";
import { AppError } from "@/server/errors";
import { canOverrideScores, canViewStudentWork } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import type { TScoreOverrideInput } from "./override-schemas";

export async function setScoreOverride(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; studentId: string; slug: string; input: TScoreOverrideInput },
): Promise<void> {
  const membership = await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewStudentWork });
  const course = await db.course.findUniqueOrThrow({ where: { id: options.courseId }, select: { taMayOverrideScores: true } });
  if (!canOverrideScores(options.user, membership, course)) throw new AppError("forbidden", "overrideNotAllowed");
  const assignment = await findCourseAssignment(db, options);
  const exercise = (await loadAssignmentExercises(db, assignment.id)).find((e) => e.slug === options.slug);
  const enrollment = await db.enrollment.findUnique({ where: { courseId_userId: { courseId: options.courseId, userId: options.studentId } } });
  if (!exercise || !enrollment || enrollment.role !== "student") throw new AppError("not_found", "studentOrExerciseNotFound");
  if (options.input.score > exercise.points) {
    throw new AppError("validation", "overrideAbovePoints", { score: options.input.score, points: exercise.points });
  }
  const terms = { score: options.input.score, comment: options.input.comment, createdById: options.user.id };
  await db.$transaction(async (tx) => {
    await tx.scoreOverride.upsert({
      where: { assignmentId_exerciseId_userId: { assignmentId: assignment.id, exerciseId: exercise.id, userId: options.studentId } },
      create: { assignmentId: assignment.id, exerciseId: exercise.id, userId: options.studentId, ...terms },
      update: terms,
    });
    // The LMS gradebook follows (issue 15): queued in the same transaction, posted through the job queue.
    await queueScoreSync(tx, { userId: options.studentId, exerciseId: exercise.id });
  });
}

// Deep linking's "create an assignment on the spot": one exercise, open now, due in two weeks,
// which the instructor can edit later like any other assignment.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";

const TWO_WEEKS_MS = 14 * 24 * 60 * 60 * 1000;

export async function createLinkedAssignment(db: TDb, options: { courseId: string; exerciseId: string; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const exercise = await db.exercise.findUnique({ where: { id: options.exerciseId } });
  if (!exercise) throw new AppError("not_found", "chosenExerciseGone");
  const assignment = await db.assignment.create({
    data: { courseId: options.courseId, title: exercise.title, opensAt: now, dueAt: new Date(now.getTime() + TWO_WEEKS_MS), exercises: { create: [{ exerciseId: exercise.id, order: 0 }] } },
    select: { id: true },
  });
  return assignment.id;
}

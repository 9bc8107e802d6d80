// Writes which exercises an assignment contains, in the order given. Per-assignment point
// overrides of exercises that stay are kept.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

export async function saveAssignmentExercises(tx: TTx, options: { assignmentId: string; exerciseIds: string[] }): Promise<void> {
  const known = await tx.exercise.count({ where: { id: { in: options.exerciseIds } } });
  if (known !== options.exerciseIds.length) {
    throw new AppError("validation", "chosenExerciseGone");
  }
  await tx.assignmentExercise.deleteMany({ where: { assignmentId: options.assignmentId, exerciseId: { notIn: options.exerciseIds } } });
  for (const [order, exerciseId] of options.exerciseIds.entries()) {
    await tx.assignmentExercise.upsert({
      where: { assignmentId_exerciseId: { assignmentId: options.assignmentId, exerciseId } },
      update: { order },
      create: { assignmentId: options.assignmentId, exerciseId, order },
    });
  }
}

// Autosaved code per student and exercise; the latest write wins.
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import type { TDb } from "@/server/db-client";
import type { TSessionUser } from "@/server/permissions/roles";

export async function saveDraft(db: TDb, options: { user: TSessionUser; assignmentId: string; slug: string; code: string }): Promise<{ savedAt: string }> {
  const { exercise } = await loadAssignmentExercise(db, options);
  const draft = await db.draft.upsert({
    where: { userId_exerciseId: { userId: options.user.id, exerciseId: exercise.id } },
    update: { code: options.code },
    create: { userId: options.user.id, exerciseId: exercise.id, code: options.code },
    select: { updatedAt: true },
  });
  return { savedAt: draft.updatedAt.toISOString() };
}

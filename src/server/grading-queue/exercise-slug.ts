// An exercise's slug by its id, kept by this process: a row's id and slug never change once the
// catalogue is synced (upserted by slug, the id kept), so picking and grading a submission need
// no exercise lookup after the first of each exercise.
import type { TDb } from "@/server/db-client";

const slugs = new Map<string, string>();

export async function readExerciseSlug(db: TDb, exerciseId: string): Promise<string> {
  const known = slugs.get(exerciseId);
  if (known !== undefined) return known;
  const { slug } = await db.exercise.findUniqueOrThrow({ where: { id: exerciseId }, select: { slug: true } });
  slugs.set(exerciseId, slug);
  return slug;
}

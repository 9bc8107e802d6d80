// Mirrors the exercises/ folder into the Exercise table. The content hash covers what decides a
// grade (metadata and trusted reference), so a changed hash tells instructors a regrade may
// change scores.
import { createHash } from "node:crypto";
import { listExercises, readExerciseFile } from "@/grading/exercise-files";
import { exerciseTitleColumns } from "@/i18n/exercise-title";
import type { TDb } from "@/server/db-client";

async function hashExerciseContent(slug: string): Promise<string> {
  const [meta, reference] = await Promise.all([readExerciseFile(slug, "meta.json"), readExerciseFile(slug, "reference.ts")]);
  return createHash("sha256").update(meta).update("\0").update(reference).digest("hex");
}

export async function syncExercises(db: TDb): Promise<{ slug: string; id: string; changed: boolean }[]> {
  const exercises = await listExercises();
  const synced = [];
  for (const exercise of exercises) {
    const contentHash = await hashExerciseContent(exercise.slug);
    const before = await db.exercise.findUnique({ where: { slug: exercise.slug }, select: { contentHash: true } });
    const data = {
      ...exerciseTitleColumns(exercise.title),
      points: Math.round(exercise.points),
      order: exercise.order,
      contentHash,
    };
    const row = await db.exercise.upsert({ where: { slug: exercise.slug }, update: data, create: { slug: exercise.slug, ...data } });
    synced.push({ slug: exercise.slug, id: row.id, changed: before !== null && before.contentHash !== contentHash });
  }
  return synced;
}

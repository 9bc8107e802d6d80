// Every exercise an assignment can use (the Exercise table, synced from exercises/), in course order.
import type { TDb } from "@/server/db-client";

export interface TCatalogExercise {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  points: number;
}

export async function listExerciseCatalog(db: TDb): Promise<TCatalogExercise[]> {
  return db.exercise.findMany({
    orderBy: [{ order: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, titleZh: true, points: true },
  });
}

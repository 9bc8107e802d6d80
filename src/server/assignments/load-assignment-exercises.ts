// An assignment's exercises in their order, with the points each is worth in it.
import type { TDb } from "@/server/db-client";

export interface TAssignmentExercise {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  points: number;
}

export async function loadAssignmentExercises(db: TDb, assignmentId: string): Promise<TAssignmentExercise[]> {
  const links = await db.assignmentExercise.findMany({ where: { assignmentId }, orderBy: { order: "asc" }, include: { exercise: true } });
  return links.map(({ exercise, points }) => ({
    id: exercise.id,
    slug: exercise.slug,
    title: exercise.title,
    titleZh: exercise.titleZh,
    points: points ?? exercise.points,
  }));
}

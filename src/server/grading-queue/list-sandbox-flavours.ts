// Which sandbox flavours the assignments need, so that the grader starts the torch sandbox with the
// server (importing torch takes seconds) only when some assignment has a torch exercise.
import { readExerciseMeta } from "@/grading/exercise-files";
import type { TSandboxFlavour } from "@/grading/runner";
import type { TDb } from "@/server/db-client";

export async function listSandboxFlavoursInUse(db: TDb): Promise<TSandboxFlavour[]> {
  const used = await db.exercise.findMany({ where: { assignments: { some: {} } }, select: { slug: true } });
  const flavours = new Set<TSandboxFlavour>(["numpy"]);
  for (const { slug } of used) {
    // an exercise whose folder is gone cannot be graded anyway; its own grading reports that
    const meta = await readExerciseMeta(slug).catch(() => null);
    if (meta) flavours.add(meta.sandbox);
  }
  return [...flavours];
}

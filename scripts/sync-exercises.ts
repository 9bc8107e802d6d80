// `npm run exercises:sync`: upserts the exercise catalogue (the Exercise table) from the
// exercises/ folder, the catalogue's single source of truth. Run by scripts/setup.sh and at every
// server start (instrumentation.ts); safe to run again.
import { createPrismaClient } from "@/server/db-client";
import { syncExercises } from "@/server/exercises/sync-exercises";

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    const synced = await syncExercises(db);
    const changed = synced.filter((exercise) => exercise.changed).map((exercise) => exercise.slug);
    console.log(`Synced ${synced.length} exercises from exercises/.${changed.length ? ` Changed since the last sync (a regrade may change scores): ${changed.join(", ")}.` : ""}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Syncing the exercises failed: ${String(error)}`);
  process.exit(1);
});

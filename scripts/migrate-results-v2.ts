// Rewrites grading results stored under result schema version 1 as version 2:
//   npm run results:migrate
// Safe to run again (version 2 rows are left alone); scripts/setup.sh and the server's start run it.
import { createPrismaClient } from "@/server/db-client";
import { migrateStoredResults } from "@/server/submissions/migrate-stored-results";

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    const { migrated } = await migrateStoredResults(db);
    console.log(migrated === 0 ? "Grading results: all stored results are current." : `Grading results: migrated ${migrated} to the current version.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Migrating grading results failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

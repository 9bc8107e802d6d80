// The grading worker, `npm run worker` (startGrader, role "worker"). On PostgreSQL it grades
// pg-boss jobs, submissions and regrades: run one per machine (or several), all pointing at the
// same DATABASE_URL. On SQLite it grades this machine's database from the submission and regrade
// tables, beside the web server or instead of it (CONVLAB_GRADE_IN_PROCESS=0 on the server).
// SIGTERM or SIGINT: finish what is running, then exit.
import { hostname } from "node:os";
import { createPrismaClient } from "@/server/db-client";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { startGrader } from "@/server/grading-queue/start-grader";
import { log } from "@/server/log";

async function main(): Promise<void> {
  const config = readGradingConfig();
  const db = createPrismaClient(config.databaseUrl);
  const grader = await startGrader(config, { role: "worker", db });
  const name = config.workerName ?? `${hostname()}-${process.pid}`;

  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log("grading", "info", "worker stopping", { worker: name, signal });
    await grader.stop();
    await db.$disconnect();
    log("grading", "info", "worker stopped", { worker: name });
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log("grading", "error", "worker failed to start", { error: String(error) });
  process.exit(1);
});

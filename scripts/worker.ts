// The grading worker, `npm run worker`. On PostgreSQL it grades pg-boss jobs: run one per machine
// (or several), all pointing at the same DATABASE_URL. On SQLite it grades this machine's
// database from the submission table, beside the web server or instead of it
// (CONVLAB_GRADE_IN_PROCESS=0 on the server). SIGTERM or SIGINT: finish what is running, then exit.
import { hostname } from "node:os";
import { checkSandbox, createRunner } from "@runner";
import { createPrismaClient } from "@/server/db-client";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { log } from "@/server/log";
import { startPresence } from "@/server/grading-queue/grader-presence";
import { GradingQueue } from "@/server/grading-queue/grading-queue";
import { PgBossGradingWorker, startGradingBoss } from "@/server/grading-queue/pg-boss-grading";

async function main(): Promise<void> {
  const config = readGradingConfig();
  const sandbox = await checkSandbox();
  if (!sandbox.ok) throw new Error(`the sandbox does not work here: ${sandbox.message}`);
  const db = createPrismaClient(config.databaseUrl);
  const runner = createRunner({ poolSize: config.poolSize });
  const name = config.workerName ?? `${hostname()}-${process.pid}`;

  let stopGrading: () => Promise<void>;
  if (config.isPostgres) {
    const boss = await startGradingBoss({ url: config.databaseUrl, role: "worker", maintenanceSeconds: config.maintenanceSeconds });
    const presence = await startPresence({ url: config.databaseUrl, name });
    const worker = new PgBossGradingWorker({ db, boss, runner, config, name });
    worker.start();
    stopGrading = async () => {
      await worker.stop();
      await boss.stop({ graceful: false });
      await presence.stop();
    };
  } else {
    const queue = new GradingQueue({ db, runner, poolSize: config.poolSize, slowLaneSlots: config.slowLaneSlots, fastLane: config.fastLaneLimits, pollMs: config.pollMs, role: "worker" });
    await queue.start();
    stopGrading = () => queue.stop();
  }

  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log("grading", "info", "worker stopping", { worker: name, signal });
    await stopGrading();
    await runner.close();
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

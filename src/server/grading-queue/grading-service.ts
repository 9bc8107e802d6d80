// Grading as the web server sees it: this process's grader (startGrader, role "web"), started once
// by instrumentation.ts or the first request that needs it. Kept on globalThis because Next.js
// bundles instrumentation and route handlers separately: a module variable would exist twice.
import { createPrismaClient, type TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { readGradingConfig } from "./grading-config";
import { startGrader, type TGrader } from "./start-grader";

const globalKey = Symbol.for("convlab.grading-service");
type TGlobal = typeof globalThis & { [globalKey]?: Promise<TGrader> };

/** Starts the pool and grading once per process; later calls return the same grader. */
export function getGradingService(db?: TDb): Promise<TGrader> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= startGrader(readGradingConfig(), { role: "web", db: db ?? createPrismaClient() }).catch((error: unknown) => {
    // Let the next request try again rather than keep a failed start forever.
    delete g[globalKey];
    log("grading", "error", "could not start grading", { error: String(error) });
    throw error;
  });
  return g[globalKey];
}

// Grading as the web server sees it: this process's grader (startGrader, role "web"), started once
// by instrumentation.ts or the first request that needs it. Kept on globalThis because Next.js
// bundles instrumentation and route handlers separately: a module variable would exist twice.
import { db as appDb } from "@/server/db";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { readGradingConfig } from "./grading-config";
import { startGrader, type TGrader } from "./start-grader";

const globalKey = Symbol.for("convlab.grading-service");
type TGlobal = typeof globalThis & { [globalKey]?: Promise<TGrader> };

/**
 * Starts the pool and grading once per process; later calls return the same grader. It shares the
 * pages' database client: on SQLite a second connection in this process made a write wait, with
 * better-sqlite3's synchronous busy wait stalling the whole event loop, for a lock held by a
 * transaction of the first connection that could then not finish (seen in the e2e run: a similarity
 * report queued by a past due date, next to an extension being granted, both timed out after 10 s).
 */
export function getGradingService(db: TDb = appDb): Promise<TGrader> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= startGrader(readGradingConfig(), { role: "web", db }).catch((error: unknown) => {
    // Let the next request try again rather than keep a failed start forever.
    delete g[globalKey];
    log("grading", "error", "could not start grading", { error: String(error) });
    throw error;
  });
  return g[globalKey];
}

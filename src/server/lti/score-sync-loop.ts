// The in-process loop that drains the score-sync outbox every few seconds. It is the only piece
// to replace when grade passback moves onto the durable job queue (pg-boss / the SQLite queue):
// the outbox rows already carry the retry state, so a queue job would call processDueScoreSyncs.
import "server-only";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { processDueScoreSyncs } from "./score-sync";

const INTERVAL_MS = 2000;
const globalKey = Symbol.for("convlab.lti.scoreSyncLoop");
type TGlobal = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

export function startScoreSyncLoop(db: TDb): void {
  const global = globalThis as TGlobal;
  if (global[globalKey]) return;
  let isRunning = false;
  global[globalKey] = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    processDueScoreSyncs(db)
      .catch((error: unknown) => log("lti", "error", "lti score sync pass failed", { error: String(error) }))
      .finally(() => (isRunning = false));
  }, INTERVAL_MS);
  global[globalKey].unref();
}

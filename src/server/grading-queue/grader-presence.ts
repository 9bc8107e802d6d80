// Which grading processes are alive on PostgreSQL, without a heartbeat table: each keeps one
// connection open under the application name "convlab-grader:<name>", and pg_stat_activity lists
// it exactly as long as the process lives (the kernel closes a killed process's socket at once;
// TCP keepalive notices a vanished machine).
import pg from "pg";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";

const PREFIX = "convlab-grader:";
const PING_EVERY_MS = 15_000;
/** PostgreSQL truncates application names longer than this. */
const MAX_APPLICATION_NAME = 63;

export interface TPresence {
  stop(): Promise<void>;
}

export async function startPresence(options: { url: string; name: string }): Promise<TPresence> {
  const applicationName = `${PREFIX}${options.name}`.slice(0, MAX_APPLICATION_NAME);
  let client: pg.Client | null = null;
  const connect = async () => {
    const next = new pg.Client({ connectionString: options.url, application_name: applicationName, keepAlive: true });
    next.on("error", (error) => log("grading", "warn", "presence connection lost", { error: String(error) }));
    await next.connect();
    client = next;
  };
  await connect();
  const timer = setInterval(() => {
    const current = client;
    void (current ? current.query("SELECT 1") : Promise.reject(new Error("not connected"))).catch(async () => {
      client = null;
      await current?.end().catch(() => {});
      await connect().catch((error: unknown) => log("grading", "warn", "could not reconnect the presence connection", { error: String(error) }));
    });
  }, PING_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await client?.end().catch(() => {});
    },
  };
}

export async function listLiveGraders(db: TDb): Promise<{ name: string; since: string }[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; since: Date }[]>(
    `SELECT application_name AS name, backend_start AS since FROM pg_stat_activity WHERE application_name LIKE '${PREFIX}%' ORDER BY backend_start`,
  );
  return rows.map((row) => ({ name: row.name.slice(PREFIX.length), since: new Date(row.since).toISOString() }));
}

// Prisma clients for the database DATABASE_URL names (SQLite by default, or PostgreSQL), via driver
// adapters. For scripts, workers and tests; Next.js code uses the singleton in ./db instead.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client";
import { ensureSqliteDirectory, resolveDatabaseConfig } from "../../prisma/database-url";
import { readEnv } from "./env";

/** The one client type app code sees: the SQLite-generated client (see createPrismaClient). */
export type TDb = PrismaClient;

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** Client creation is synchronous: never stall start-up long on a database a migration holds. */
const WAL_SWITCH_TIMEOUT_MS = 500;

/** `url` defaults to DATABASE_URL (src/server/env.ts), relative SQLite paths to the repo root. */
export function createPrismaClient(url?: string): TDb {
  const config = resolveDatabaseConfig(url ?? readEnv().DATABASE_URL);
  if (config.provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
    // Generated from the same models (prisma/postgres/schema.prisma is derived from
    // prisma/schema.prisma, checked in CI), the two clients have the same API, and Prisma.* helpers
    // (JsonNull, error classes) come from the shared runtime. Typing app code against the SQLite
    // client also keeps it to features both providers support.
    return client as unknown as TDb;
  }
  ensureSqliteDirectory(config);
  enableWriteAheadLog(config.filePath!);
  // better-sqlite3's `timeout` is SQLite's busy_timeout for the adapter's connection.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: config.url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
}

/**
 * WAL lets the web server read while the grading worker writes. The adapter opens its connection
 * itself, but journal_mode=WAL is stored in the file, so setting it once from a short-lived
 * connection is enough. A database locked by a running migration keeps its current mode.
 */
function enableWriteAheadLog(filePath: string): void {
  const connection = new Database(filePath, { timeout: WAL_SWITCH_TIMEOUT_MS });
  try {
    connection.pragma("journal_mode = WAL");
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
  } finally {
    connection.close();
  }
}

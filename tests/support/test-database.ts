// A fresh database for a test suite: a SQLite file, or a new database on the throwaway
// PostgreSQL server (CONVLAB_TEST_PG_URL), migrated with the real `prisma migrate deploy` and
// dropped afterwards.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findRepoRoot } from "../../prisma/database-url";
import { createPrismaClient, type TDb } from "@/server/db-client";

export const root = findRepoRoot();
export const pgServerUrl = process.env.CONVLAB_TEST_PG_URL;

export interface TTestDatabase {
  url: string;
  db: TDb;
  drop: () => Promise<void>;
}

async function migrate(url: string): Promise<void> {
  await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 });
}

export async function createSqliteDatabase(label: string): Promise<TTestDatabase> {
  const dir = mkdtempSync(path.join(process.env.CONVLAB_TEST_TMP ?? tmpdir(), `convlab-${label}-`));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrate(url);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the CONVLAB_TEST_PG_URL server, dropped afterwards. */
/** Drops a database of the test PostgreSQL server (CONVLAB_TEST_PG_URL), even with clients still connected. */
export async function dropPostgresDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgServerUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function createPostgresDatabase(label: string): Promise<TTestDatabase> {
  const url = new URL(pgServerUrl!);
  const name = `convlab_${label.replace(/\W/g, "_")}_${process.pid}_${Date.now()}`;
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createPrismaClient(url.toString());
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await dropPostgresDatabase(name);
    },
  };
}

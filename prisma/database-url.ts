// Turns DATABASE_URL into the provider, connection string and schema/migration paths, so that
// prisma.config.ts, the runtime client and scripts all agree on which database is meant.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/convlab.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** Connection string; SQLite paths made absolute so every tool opens the same file. */
  url: string;
  /** SQLite only: absolute path of the database file. */
  filePath?: string;
  /** Relative to the repo root, as the Prisma CLI expects. */
  schemaPath: string;
  migrationsPath: string;
}

/**
 * The directory holding prisma/schema.prisma, searched upwards from `start`, so relative SQLite
 * paths mean the same file whichever subdirectory a script runs from.
 */
export function findRepoRoot(start = process.cwd()): string {
  // Folders chosen at run time: without the hints the bundler would trace the whole project.
  for (let dir = path.resolve(/*turbopackIgnore: true*/ start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(/*turbopackIgnore: true*/ start);
  }
}

export function resolveDatabaseConfig(rawUrl = process.env.DATABASE_URL, root = findRepoRoot()): DatabaseConfig {
  const url = rawUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return {
      provider: "postgresql",
      url,
      schemaPath: "prisma/postgres/schema.prisma",
      migrationsPath: "prisma/postgres/migrations",
    };
  }
  if (/^file:/i.test(url)) {
    const filePath = path.resolve(/*turbopackIgnore: true*/ root, url.replace(/^file:(\/\/(?=\/))?/i, "").replace(/\?.*$/, ""));
    return {
      provider: "sqlite",
      url: `file:${filePath}`,
      filePath,
      schemaPath: "prisma/schema.prisma",
      migrationsPath: "prisma/migrations",
    };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

/** better-sqlite3 creates the file but not its directory. */
export function ensureSqliteDirectory(config: DatabaseConfig): void {
  if (config.filePath) mkdirSync(path.dirname(config.filePath), { recursive: true });
}

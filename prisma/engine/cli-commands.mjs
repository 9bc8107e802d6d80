// The binary's one-shot `cli can-connect-to-database` / `cli create-database` commands, which the
// Prisma CLI runs before migrate commands to create a missing database.
import { existsSync, mkdirSync, closeSync, openSync } from "node:fs";
import path from "node:path";
import { createPgPool, detectProvider, sqliteFilePath } from "./adapters.mjs";

/** An error the CLI shows with its Prisma error code (it reads `error_code` from stderr). */
class UserFacingError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export async function canConnectToDatabase(url) {
  if (detectProvider(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (!existsSync(file)) throw missingDatabase(path.basename(file), `at \`${file}\``);
    return;
  }
  await withPgPool(url, (pool) => pool.query("SELECT 1"));
}

export async function createDatabase(url) {
  if (detectProvider(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    // An empty file is a valid empty SQLite database.
    closeSync(openSync(file, "a"));
    return path.basename(file);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  await withPgPool(maintenance.toString(), (pool) => pool.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`));
  return name;
}

async function withPgPool(url, run) {
  const pool = createPgPool(url);
  try {
    return await run(pool);
  } catch (error) {
    throw describePgError(error, new URL(url));
  } finally {
    await pool.end().catch(() => {});
  }
}

function describePgError(error, url) {
  const server = `${url.hostname}:${url.port || 5432}`;
  switch (error.code) {
    case "3D000":
      return missingDatabase(decodeURIComponent(url.pathname.slice(1)), `on the database server at \`${server}\``);
    case "28P01":
    case "28000":
      return new UserFacingError("P1000", `Authentication failed against database server at \`${server}\`: ${error.message}`);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
      return new UserFacingError("P1001", `Can't reach database server at \`${server}\`: ${error.message}`);
    default:
      return error;
  }
}

function missingDatabase(name, where) {
  return new UserFacingError("P1003", `Database \`${name}\` does not exist ${where}`);
}

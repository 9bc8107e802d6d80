// Driver-adapter factories through which the wasm schema engine reaches SQLite and PostgreSQL,
// patched for the adapter behaviours the engine trips over (see prisma/engine/README.md).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const PG_ACQUIRE_TIMEOUT_MS = 30_000;
const MIGRATIONS_TABLE_READ = /FROM\s+[`"]_prisma_migrations[`"]/i;
const MIGRATIONS_TABLE_WRITE = /INSERT\s+INTO\s+[`"]_prisma_migrations[`"]/i;
// Verbatim the table the engine itself creates when it applies the first migration.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** "sqlite" | "postgres", from a connection string. */
export function detectProvider(url) {
  if (/^file:/i.test(url)) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(`Unsupported database URL (expected file:… or postgres://…): ${redactUrl(url)}`);
}

export function redactUrl(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** Absolute file path of a `file:` URL; relative paths are relative to the working directory. */
export function sqliteFilePath(url) {
  const withoutScheme = url.replace(/^file:(\/\/(?=\/))?/i, "").replace(/\?.*$/, "");
  return path.resolve(withoutScheme);
}

/**
 * Builds the migration-aware adapter factory the engine needs, and remembers every connection
 * it hands out so that `closeAll` can release them (SQLite is held in exclusive locking mode).
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const open = new Set();
  const track = (adapter) => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    open.add(adapter);
    return adapter;
  };
  const base = detectProvider(url) === "sqlite" ? sqliteFactory(url, shadowDatabaseUrl) : postgresFactory(url, shadowDatabaseUrl);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(await base.connect()),
    connectToShadowDb: async () => track(await base.connectToShadowDb()),
    /** Closes every connection still open; SQLite handles close synchronously before the first await. */
    closeAll: () => Promise.allSettled([...open].map((adapter) => adapter.dispose())),
  };
}

function sqliteFactory(url, shadowDatabaseUrl) {
  const factory = new PrismaBetterSqlite3(
    { url: `file:${sqliteFilePath(url)}` },
    shadowDatabaseUrl ? { shadowDatabaseUrl: `file:${sqliteFilePath(shadowDatabaseUrl)}` } : undefined,
  );
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patchSqliteAdapter(await factory.connect()),
    connectToShadowDb: async () => patchSqliteAdapter(await factory.connectToShadowDb()),
  };
}

/**
 * On a database without _prisma_migrations the wasm build turns the adapter's "no such table"
 * into P1014 instead of "history not initialised". Reads therefore see an empty history, as the
 * native engine would conclude; a write (migrate resolve on such a database) first creates the
 * table, as the native engine's baseline initialisation does.
 */
function patchSqliteAdapter(adapter) {
  const emptyResult = { columnNames: [], columnTypes: [], rows: [] };
  const isMissingMigrationsTable = (error) => error?.cause?.kind === "TableDoesNotExist" && error.cause.table === "_prisma_migrations";
  const withRecovery = (run, whenScriptRan) => async (query) => {
    try {
      return await run(query);
    } catch (error) {
      if (isMissingMigrationsTable(error) && MIGRATIONS_TABLE_WRITE.test(query.sql)) {
        await adapter.executeScript(MIGRATIONS_TABLE_DDL);
        return run(query);
      }
      if (isMissingMigrationsTable(error) && MIGRATIONS_TABLE_READ.test(query.sql)) return emptyResult;
      // Shadow-database replay sends whole migration files as one statement; better-sqlite3's
      // prepare() takes a single statement only, exec() takes a script.
      if (isMultiStatementError(error, query)) {
        await adapter.executeScript(query.sql);
        return whenScriptRan;
      }
      throw error;
    }
  };
  adapter.queryRaw = withRecovery(adapter.queryRaw.bind(adapter), emptyResult);
  adapter.executeRaw = withRecovery(adapter.executeRaw.bind(adapter), 0);
  return adapter;
}

function isMultiStatementError(error, query) {
  return error instanceof RangeError && /more than one statement/.test(error.message) && query.args.length === 0;
}

function postgresFactory(url, shadowDatabaseUrl) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const connectTo = (connectionString) =>
    new PrismaPg(createPgPool(connectionString), { schema, disposeExternalPool: true }).connect();
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return connectTo(shadowDatabaseUrl);
      // adapter-pg's own temporary shadow database is dropped while its pool still holds a
      // connection ("being accessed by other users"): close the pool first, then drop.
      const admin = createPgPool(url);
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const dropShadow = async () => {
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await admin.end();
        }
      };
      let adapter;
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
        const shadowUrl = new URL(url);
        shadowUrl.pathname = `/${name}`;
        adapter = await connectTo(shadowUrl.toString());
      } catch (error) {
        await dropShadow().catch(() => {});
        throw error;
      }
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropShadow();
      };
      return adapter;
    },
  };
}

/**
 * One connection per pool: the engine relies on session state (advisory locks, search_path)
 * surviving between its statements; the acquire timeout turns a wait for that connection into
 * an error instead of a hang. Columns of pg_catalog's one-byte "char" type (relkind, contype, …)
 * are reported as text, which adapter-pg otherwise rejects as unsupported.
 */
export function createPgPool(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: PG_ACQUIRE_TIMEOUT_MS });
  // An idle connection the server drops must not crash the engine; the next query reports it.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    const query = client.query.bind(client);
    client.query = (config, values, callback) => {
      if (typeof values === "function") return query(config, (err, res) => values(err, retypeCharColumns(res)));
      if (typeof callback === "function") return query(config, values, (err, res) => callback(err, retypeCharColumns(res)));
      if (typeof config?.submit === "function") return query(config, values);
      return query(config, values).then(retypeCharColumns);
    };
  });
  return pool;
}

function retypeCharColumns(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

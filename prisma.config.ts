// Prisma CLI configuration: DATABASE_URL picks SQLite (default) or PostgreSQL and with it the
// schema file and migrations folder. Migrations run through our wasm schema-engine stand-in.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { ensureSqliteDirectory, findRepoRoot, resolveDatabaseConfig } from "./prisma/database-url";

const root = findRepoRoot();
const database = resolveDatabaseConfig(process.env.DATABASE_URL, root);
ensureSqliteDirectory(database);

// The CLI insists on a native schema-engine binary, which these machines cannot download; the
// stand-in speaks the same protocol (see prisma/engine/README.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "engine", "schema-engine.mjs");
// The update check calls out to checkpoint.prisma.io, which only adds latency offline.
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: database.schemaPath,
  migrations: { path: database.migrationsPath },
  datasource: { url: database.url },
});

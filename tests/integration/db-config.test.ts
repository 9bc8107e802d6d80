// How DATABASE_URL selects the provider and files, and that the committed PostgreSQL schema is the
// current translation of the SQLite one (CI checks the same in scripts/db-check-drift.sh).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, findRepoRoot, resolveDatabaseConfig } from "../../prisma/database-url";

const root = findRepoRoot();

describe("resolveDatabaseConfig", () => {
  it("defaults to the SQLite file data/convlab.db under the repo root", () => {
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/convlab.db");
    for (const unset of [undefined, "", "  "]) {
      expect(resolveDatabaseConfig(unset, root)).toEqual({
        provider: "sqlite",
        url: `file:${path.join(root, "data", "convlab.db")}`,
        filePath: path.join(root, "data", "convlab.db"),
        schemaPath: "prisma/schema.prisma",
        migrationsPath: "prisma/migrations",
      });
    }
  });

  it("resolves relative SQLite paths against the repo root, whatever the working directory", () => {
    expect(findRepoRoot(path.join(root, "src", "server"))).toBe(root);
    expect(resolveDatabaseConfig("file:dev.db?connection_limit=1", root).filePath).toBe(path.join(root, "dev.db"));
    expect(resolveDatabaseConfig("file:/var/lib/convlab/app.db", root).url).toBe("file:/var/lib/convlab/app.db");
    expect(resolveDatabaseConfig("file:///var/lib/convlab/app.db", root).filePath).toBe("/var/lib/convlab/app.db");
  });

  it("selects the PostgreSQL schema and migrations for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/convlab", "postgresql://u@localhost/convlab?schema=public"]) {
      expect(resolveDatabaseConfig(url, root)).toEqual({
        provider: "postgresql",
        url,
        schemaPath: "prisma/postgres/schema.prisma",
        migrationsPath: "prisma/postgres/migrations",
      });
    }
  });

  it("rejects other URLs without echoing credentials", () => {
    expect(() => resolveDatabaseConfig("mysql://root:secret@db/convlab", root)).toThrow(/must start with file:.*got "mysql:…"/);
  });
});

describe("prisma/postgres/schema.prisma", () => {
  it("is in sync with prisma/schema.prisma", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/db-sync-postgres-schema.ts", "--check"], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain("is in sync");
  });
});

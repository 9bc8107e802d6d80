// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
// With --check it only verifies the committed file is current (CI, via scripts/db-check-drift.sh).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../prisma/database-url";

const SOURCE = "prisma/schema.prisma";
const TARGET = "prisma/postgres/schema.prisma";
const SQLITE_CLIENT_OUTPUT = '"../src/generated/prisma"';
const PG_CLIENT_OUTPUT = '"../../src/generated/prisma-pg"';

const HEADER = `// GENERATED from ${SOURCE} by scripts/db-sync-postgres-schema.ts: do not edit.
// Change ${SOURCE}, then run \`npx tsx scripts/db-sync-postgres-schema.ts\`.
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)) ?? [];
  if (matches.length !== 1) throw new Error(`${SOURCE}: expected exactly one ${what}, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

function toPostgresSchema(source: string): string {
  // Native types would make the schema provider-specific; the generated copy must mean the same.
  const nativeType = /@db\.\w+/.exec(source);
  if (nativeType) throw new Error(`${SOURCE}: ${nativeType[0]} is provider-specific; keep the schema portable`);
  // The source's own header describes the SQLite file; the copy gets the generated-file header.
  const body = source.replace(/^(\/\/.*\n)+\n*/, "");
  let schema = replaceOnce(body, /(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider = "sqlite"');
  schema = replaceOnce(schema, new RegExp(`(output\\s*=\\s*)${SQLITE_CLIENT_OUTPUT}`), `$1${PG_CLIENT_OUTPUT}`, `generator output = ${SQLITE_CLIENT_OUTPUT}`);
  return HEADER + "\n" + schema;
}

function main(): void {
  const root = findRepoRoot();
  const check = process.argv.includes("--check");
  const expected = toPostgresSchema(readFileSync(path.join(root, SOURCE), "utf8"));
  const targetPath = path.join(root, TARGET);
  const current = existsSync(targetPath) ? readFileSync(targetPath, "utf8") : undefined;

  if (current === expected) {
    console.log(`${TARGET} is in sync with ${SOURCE}.`);
    return;
  }
  if (check) {
    console.error(`${TARGET} is out of date with ${SOURCE}: run \`npx tsx scripts/db-sync-postgres-schema.ts\` and commit the result.`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(path.dirname(targetPath), { recursive: true });
  writeFileSync(targetPath, expected);
  console.log(`Wrote ${TARGET}.`);
}

main();

#!/usr/bin/env bash
# Creates the next migration for both providers after prisma/schema.prisma changed: regenerates
# the PostgreSQL schema, runs `prisma migrate dev` on the local SQLite database, and writes the
# PostgreSQL twin under the same directory name, so both histories stay parallel (CI checks it).
#
#   scripts/db-new-migration.sh add_exercise_tags [--create-only]
#
# PostgreSQL: DATABASE_URL when postgres://…, else CONVLAB_TEST_PG_URL, else a throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:?usage: $0 <migration_name> [--create-only]}"
shift
say() { echo "db-new-migration: $*" >&2; }

work="$(mktemp -d)"
started_pg=""
cleanup() {
  if [[ -n "$started_pg" ]]; then bash scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

pg_url=""
sqlite_url="${DATABASE_URL:-}"
if [[ "$sqlite_url" =~ ^postgres(ql)?:// ]]; then
  pg_url="$sqlite_url"
  sqlite_url=""
fi
pg_url="${pg_url:-${CONVLAB_TEST_PG_URL:-}}"

npx tsx scripts/db-sync-postgres-schema.ts

list_migrations() { find "$1" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort; }
before="$(list_migrations prisma/migrations)"
say "SQLite: prisma migrate dev --name $name $*"
DATABASE_URL="$sqlite_url" npx prisma migrate dev --name "$name" "$@"
created="$(comm -13 <(echo "$before") <(list_migrations prisma/migrations))"
if [[ -z "$created" ]]; then
  say "no new SQLite migration (schema unchanged?); nothing to do for PostgreSQL"
  exit 0
fi

if [[ -z "$pg_url" ]]; then
  say "starting a throwaway PostgreSQL"
  pg_url="$(bash scripts/pg-test-server.sh start "$work/pg")"
  started_pg=1
fi
say "PostgreSQL: writing prisma/postgres/migrations/$created"
# Diff into a temporary file first: an empty migration directory would break the replay.
DATABASE_URL="$pg_url" npx prisma migrate diff --from-migrations prisma/postgres/migrations \
  --to-schema prisma/postgres/schema.prisma --script -o "$work/migration.sql"
mkdir -p "prisma/postgres/migrations/$created"
mv "$work/migration.sql" "prisma/postgres/migrations/$created/migration.sql"
say "done: review prisma/migrations/$created and prisma/postgres/migrations/$created, then commit both"

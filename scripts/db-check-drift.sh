#!/usr/bin/env bash
# CI check that the committed database files agree, for SQLite and PostgreSQL: the PostgreSQL schema
# is the current translation of prisma/schema.prisma, both migration folders hold the same
# migrations, and replaying each folder yields exactly its schema (`prisma migrate diff --exit-code`).
# Exits non-zero with what to run on any drift.
#
# PostgreSQL is needed to replay migrations (into temporary shadow databases). It uses
# DATABASE_URL when that is postgres://…, else CONVLAB_TEST_PG_URL, else a throwaway server from
# scripts/pg-test-server.sh, stopped again afterwards if this script started it.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "db-check-drift: $*" >&2; }
problems=()

work="$(mktemp -d)"
started_pg=""
cleanup() {
  if [[ -n "$started_pg" ]]; then bash scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

say "PostgreSQL schema generated from the SQLite one"
if ! npx tsx scripts/db-sync-postgres-schema.ts --check; then
  problems+=("prisma/postgres/schema.prisma is stale: run npx tsx scripts/db-sync-postgres-schema.ts")
fi

say "same migrations for both providers"
list_migrations() { find "$1" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort; }
if ! diff <(list_migrations prisma/migrations) <(list_migrations prisma/postgres/migrations) >"$work/names.diff"; then
  sed 's/^/  /' "$work/names.diff" >&2
  problems+=("prisma/migrations (<) and prisma/postgres/migrations (>) differ: create migrations with scripts/db-new-migration.sh <name>")
fi

# Usage: check_migrations <label> <database url> <schema> <migrations dir>
check_migrations() {
  local label="$1" url="$2" schema="$3" migrations="$4" status=0
  say "$label: replaying $migrations and comparing with $schema"
  DATABASE_URL="$url" npx prisma migrate diff --from-migrations "$migrations" --to-schema "$schema" --exit-code \
    >"$work/diff.out" 2>&1 || status=$?
  case "$status" in
    0) ;;
    2)
      sed 's/^/  /' "$work/diff.out" >&2
      problems+=("$label: $schema has changes that no migration in $migrations contains: create one with scripts/db-new-migration.sh <name>")
      ;;
    *)
      cat "$work/diff.out" >&2
      problems+=("$label: prisma migrate diff failed (exit $status), see above")
      ;;
  esac
}

check_migrations "SQLite" "file:$work/drift.db" prisma/schema.prisma prisma/migrations

pg_url=""
if [[ "${DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  pg_url="$DATABASE_URL"
elif [[ -n "${CONVLAB_TEST_PG_URL:-}" ]]; then
  pg_url="$CONVLAB_TEST_PG_URL"
else
  say "starting a throwaway PostgreSQL"
  pg_url="$(bash scripts/pg-test-server.sh start "$work/pg")"
  started_pg=1
fi
check_migrations "PostgreSQL" "$pg_url" prisma/postgres/schema.prisma prisma/postgres/migrations

if ((${#problems[@]} > 0)); then
  say "FAILED"
  for problem in "${problems[@]}"; do echo "  - $problem" >&2; done
  exit 1
fi
say "OK: schemas and migrations agree for SQLite and PostgreSQL"

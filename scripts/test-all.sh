#!/usr/bin/env bash
# Quick start, command 2 (and CI): the whole test suite on this machine — type check, lint, unit,
# integration (real SQLite, real PostgreSQL, real sandbox), migration drift, and end-to-end in
# Debian's Chromium. Installs what the tests need first. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

# fonts-wqy-microhei: a CJK font, so that Chromium lays out and screenshots the zh-CN pages with
# real glyphs (a student's machine has one; without it the e2e run measures and shows empty boxes).
ensure_apt_packages "${SANDBOX_PACKAGES[@]}" "${BUILD_PACKAGES[@]}" chromium postgresql fonts-wqy-microhei
ensure_node_modules
generate_prisma_clients

work="$(mktemp -d /tmp/convlab-test.XXXXXX)"
cleanup() {
  bash scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log "Type check"
npx tsc --noEmit
log "Lint"
npx eslint . --max-warnings=0

log "Starting a throwaway PostgreSQL for the PostgreSQL-path tests"
CONVLAB_TEST_PG_URL="$(bash scripts/pg-test-server.sh start "$work/pg")"
export CONVLAB_TEST_PG_URL

log "Checking that committed migrations match the schema (SQLite and PostgreSQL)"
DATABASE_URL="$CONVLAB_TEST_PG_URL" bash scripts/db-check-drift.sh

# Before the vitest run: tests/integration/sign-in-rate-limit.test.ts runs the production build too.
log "Building for the end-to-end tests"
# Only the build and the end-to-end server see this database; the vitest suites choose their own.
e2e_db="file:$work/e2e.db"
DATABASE_URL="$e2e_db" npx next build >/dev/null || { DATABASE_URL="$e2e_db" npx next build; exit 1; }

log "Unit and integration tests"
export CONVLAB_TEST_TMP="$work"
npx vitest run

log "End-to-end tests in Chromium"
DATABASE_URL="$e2e_db" npx playwright test

log "All tests passed"

#!/usr/bin/env bash
# Starts the built app for the end-to-end tests on a fresh database with the demo course.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="$1"
case "$DATABASE_URL" in
  file:*) rm -f "${DATABASE_URL#file:}" "${DATABASE_URL#file:}-journal" "${DATABASE_URL#file:}-wal" "${DATABASE_URL#file:}-shm" ;;
esac
npx prisma migrate deploy >/dev/null
npx tsx scripts/sync-exercises.ts >/dev/null
npx tsx prisma/seed.ts >/dev/null
# next start directly (not npx): killing npx leaves next-server running.
exec node node_modules/next/dist/bin/next start -p "$port"

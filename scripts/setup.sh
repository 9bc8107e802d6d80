#!/usr/bin/env bash
# Quick start, command 1: installs what ConvLab needs, prepares the SQLite database with the demo
# course, builds, and starts ConvLab on http://localhost:${PORT:-3000}. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20 or newer is required (found $(node -v))."

ensure_apt_packages "${SANDBOX_PACKAGES[@]}" "${BUILD_PACKAGES[@]}"
ensure_node_modules
ensure_env_file
generate_prisma_clients

export PORT="${PORT:-3000}"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "Port $PORT is already in use: stop the running ConvLab (or whatever uses it) first, or choose another port with PORT=8080."
fi

log "Applying database migrations"
npm run --silent db:deploy || die "Applying migrations failed. If another ConvLab process still uses the database, stop it and run this again."
log "Syncing the exercise catalogue from exercises/"
npm run --silent exercises:sync
log "Migrating stored grading results"
npm run --silent results:migrate || die "Migrating stored grading results failed (see the message above)."
log "Seeding the demo course"
npm run --silent db:seed

log "Checking the sandbox"
npx tsx scripts/check-sandbox.ts || die "The sandbox does not work on this machine (see the message above)."

log "Building"
npx next build >/dev/null || { npx next build; die "next build failed"; }

log "Starting ConvLab on http://localhost:${PORT} (Ctrl+C stops it)"
exec node node_modules/next/dist/bin/next start -p "$PORT"

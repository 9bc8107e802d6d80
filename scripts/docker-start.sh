#!/bin/sh
# The container's start command. The web server refuses to start without an auth secret; it comes
# from BETTER_AUTH_SECRET, else from the file BETTER_AUTH_SECRET_FILE names (Docker/compose
# secrets), else from data/auth-secret, generated on the first start and kept on the data volume
# beside the SQLite database so sessions survive a restart. Several web containers must share one
# secret: give it to them all through the variable or the file.
set -eu
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  file="${BETTER_AUTH_SECRET_FILE:-/app/data/auth-secret}"
  if [ ! -s "$file" ]; then
    if [ -n "${BETTER_AUTH_SECRET_FILE:-}" ]; then
      echo "BETTER_AUTH_SECRET_FILE names $file, which is missing or empty." >&2
      exit 1
    fi
    mkdir -p "$(dirname "$file")"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' > "$file")
    echo "Generated a new auth secret in $file" >&2
  fi
  BETTER_AUTH_SECRET="$(cat "$file")"
  export BETTER_AUTH_SECRET
fi
exec node node_modules/next/dist/bin/next start "$@"

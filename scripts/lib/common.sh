# Shared helpers for the set-up and test scripts: system packages, npm dependencies, Prisma clients.
# Sourced, not run.

log() { printf '\033[1m[convlab]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[convlab] %s\033[0m\n' "$*" >&2; exit 1; }

# The Debian/Ubuntu packages the sandbox needs at run time.
SANDBOX_PACKAGES=(python3 python3-numpy python3-seccomp python3-torch bubblewrap util-linux)
# What `npm ci` needs to compile the native addons (better-sqlite3, Dolos's tree-sitter parsers).
BUILD_PACKAGES=(make g++ python3)

# Installs the given apt packages when any is missing; without root or apt, says what to install.
ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      die "Missing system packages: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || die "Missing system packages: ${missing[*]}. This script installs them with apt-get; on other systems install them by hand."
  log "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq || die "apt-get update failed; install by hand: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed; install by hand: ${missing[*]}"
}

# node-gyp compiles against the running Node's own headers instead of downloading them from
# nodejs.org (unreachable behind firewalls); every Node install (Debian, NodeSource, nvm, official
# tarball) ships them under <prefix>/include/node. An explicit npm_config_nodedir wins.
use_local_node_headers() {
  local prefix
  prefix="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
  if [ -z "${npm_config_nodedir:-}" ] && [ -f "$prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$prefix"
  fi
}

# npm ci when node_modules is missing or older than the lock file; nothing otherwise.
ensure_node_modules() {
  use_local_node_headers
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "Installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  fi
}

# Generates the Prisma clients for both providers (offline: see prisma/engine/).
generate_prisma_clients() {
  log "Generating Prisma clients"
  npx prisma generate >/dev/null || die "prisma generate failed (SQLite client)"
  npx prisma generate --schema prisma/postgres/schema.prisma >/dev/null || die "prisma generate failed (PostgreSQL client)"
}

# Gives .env a random auth secret the first time (also when an existing .env lacks one); later
# runs keep it, so sessions survive. The server refuses to start without a secret of 32+ characters.
ensure_env_file() {
  if ! grep -qE '^BETTER_AUTH_SECRET=.{32,}' .env 2>/dev/null; then
    log "Writing a new BETTER_AUTH_SECRET into .env"
    if [ -f .env ]; then sed -i '/^BETTER_AUTH_SECRET=/d' .env; fi
    printf 'BETTER_AUTH_SECRET=%s\n' "$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" >> .env
  fi
}

export NEXT_TELEMETRY_DISABLED=1

#!/usr/bin/env bash
# Starts a throwaway local PostgreSQL cluster for tests and the drift check (idempotent: reuses the
# cluster if it already runs) and prints its connection URL on stdout; all else goes to stderr.
#
#   export CONVLAB_TEST_PG_URL="$(scripts/pg-test-server.sh)"   # start or reuse; print the URL
#   scripts/pg-test-server.sh start /tmp/some-dir               # same, cluster kept in that dir
#   scripts/pg-test-server.sh status [dir]                      # exit 0 when it runs
#   scripts/pg-test-server.sh stop [dir]                        # stop it and delete the dir
#
# Defaults: dir ${CONVLAB_PG_DIR:-${TMPDIR:-/tmp}/convlab-pg}, port ${CONVLAB_PG_PORT:-54329} (the
# next free one if taken), database ${CONVLAB_PG_DB:-convlab_test}. Needs the server binaries
# (Debian: apt-get install postgresql); nothing has to be running. Trust authentication on
# 127.0.0.1 with durability off: for test data only.
set -euo pipefail

command="${1:-start}"
base_dir="${2:-${CONVLAB_PG_DIR:-${TMPDIR:-/tmp}/convlab-pg}}"
port_file="$base_dir/port"
cluster_file="$base_dir/cluster-dir"
database="${CONVLAB_PG_DB:-convlab_test}"

say() { echo "pg-test-server: $*" >&2; }

find_bin_dir() {
  # Debian keeps initdb and pg_ctl off PATH, in one directory per major version.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$dir" ]] && command -v pg_ctl >/dev/null; then dir="$(dirname "$(command -v pg_ctl)")"; fi
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    say "PostgreSQL server binaries not found (apt-get install postgresql)."
    exit 1
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root; as root, the cluster runs as the postgres system user.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root the cluster cannot live under the caller's directory, which the postgres user may not
# be allowed to enter (mktemp -d makes 0700 dirs); it goes to its own directory in /tmp instead.
cluster_dir() {
  if [[ -f "$cluster_file" ]]; then cat "$cluster_file"; else echo "$base_dir/cluster"; fi
}

is_running() {
  local data_dir
  data_dir="$(cluster_dir)/data"
  [[ -f "$data_dir/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local port="${CONVLAB_PG_PORT:-54329}"
  while port_in_use "$port"; do
    port=$((port + 1))
    if ((port > ${CONVLAB_PG_PORT:-54329} + 50)); then
      say "no free port near ${CONVLAB_PG_PORT:-54329}"
      exit 1
    fi
  done
  echo "$port"
}

start_cluster() {
  local cluster
  cluster="$(cluster_dir)"
  if ! [[ -f "$cluster/data/PG_VERSION" ]]; then
    stop_cluster 2>/dev/null
    mkdir -p "$base_dir"
    if [[ "$(id -u)" -eq 0 ]]; then
      cluster="$(mktemp -d /tmp/convlab-pg-cluster.XXXXXX)"
      chown postgres: "$cluster"
      echo "$cluster" >"$cluster_file"
    else
      mkdir -p "$cluster"
    fi
    say "initialising a cluster in $cluster"
    as_owner "$bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$base_dir/initdb.log" 2>&1 ||
      { cat "$base_dir/initdb.log" >&2; exit 1; }
  fi
  if ! is_running; then
    local port
    port="$(pick_port)"
    echo "$port" >"$port_file"
    say "starting PostgreSQL on 127.0.0.1:$port"
    if ! as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
      -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      say "failed to start; last log lines:"
      tail -n 20 "$cluster/server.log" >&2 || true
      exit 1
    fi
  fi
  local port psql
  port="$(cat "$port_file")"
  psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]]; then
    "${psql[@]}" -c "CREATE DATABASE \"$database\"" >&2
  fi
  echo "postgresql://postgres@127.0.0.1:$port/$database"
}

stop_cluster() {
  local cluster
  cluster="$(cluster_dir)"
  if is_running; then as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null; fi
  rm -rf "$cluster" "$base_dir"
  say "stopped; removed $base_dir"
}

bin="$(find_bin_dir)"
case "$command" in
  start) start_cluster ;;
  status) is_running ;;
  stop) stop_cluster ;;
  *)
    say "usage: $0 [start|status|stop] [dir]"
    exit 2
    ;;
esac

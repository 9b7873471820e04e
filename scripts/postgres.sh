#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the collector tests and prints its URL on stdout
# (postgres://postgres@127.0.0.1:54329/postgres); every log line goes to stderr, so
#   export SONDE_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
# works. Installs Debian's postgresql package when no server binaries are found (needs root and
# apt-get). Idempotent: when our server already answers on the port, it just prints the URL.
# The cluster lives in a temp dir, trusts local TCP connections only, and runs with fsync off:
# it is for tests, never for data.
#
# Env: SONDE_PG_PORT (first port tried, default 54329), SONDE_PG_STOP=1 stops the server instead.
set -euo pipefail

first_port=${SONDE_PG_PORT:-54329}
state_dir=${TMPDIR:-/tmp}

log() { echo "[postgres.sh] $*" >&2; }

url_for() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

# The newest installed server's bin dir (Debian keeps them in /usr/lib/postgresql/<major>/bin).
find_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $dir && -x $dir/initdb ]]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_postgres() {
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log 'PostgreSQL is not installed and this is not root on Debian: install postgresql first.'
    return 1
  fi
  log "PostgreSQL not found: installing Debian's postgresql package…"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Whether a server on $1 accepts the postgres user without a password (that is: ours).
answers() {
  PGCONNECT_TIMEOUT=3 "$bin_dir/psql" -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres \
    -tAc 'select 1' >/dev/null 2>&1
}

# Whether anything listens on 127.0.0.1:$1.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a command as the postgres user when we are root: the server refuses to run as root. From
# /, which that user can read: pg_ctl warns "could not change directory" from a clone under
# another user's temporary directory.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

ensure_owner() {
  [[ $(id -u) -eq 0 ]] || return 0
  id -u postgres >/dev/null 2>&1 && return 0
  log 'creating the postgres system user'
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

start_cluster() {
  local port=$1 dir
  dir=$(mktemp -d "$state_dir/sonde-postgres.XXXXXX")
  ensure_owner
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  log "initialising a cluster in $dir"
  as_owner "$bin_dir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale \
    >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  }
  log "starting it on 127.0.0.1:$port"
  as_owner "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2 || {
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    return 1
  }
  echo "$dir" >"$state_dir/sonde-postgres-$port.dir"
}

stop_cluster() {
  local port=$1 file="$state_dir/sonde-postgres-$1.dir"
  [[ -f $file ]] || {
    log "no server of ours on port $port"
    return 0
  }
  local dir
  dir=$(cat "$file")
  as_owner "$bin_dir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir" "$file"
  log "stopped and removed $dir"
}

bin_dir=$(find_bin_dir)
if [[ -z $bin_dir ]]; then
  install_postgres
  bin_dir=$(find_bin_dir)
  [[ -n $bin_dir ]] || {
    log 'postgresql installed, but no initdb found under /usr/lib/postgresql'
    exit 1
  }
fi

if [[ ${SONDE_PG_STOP:-} == 1 ]]; then
  stop_cluster "$first_port"
  exit 0
fi

# Reuse our server when it already answers; skip ports that something else holds.
for ((port = first_port; port < first_port + 20; port++)); do
  if answers "$port"; then
    log "already running on port $port"
    url_for "$port"
    exit 0
  fi
  port_taken "$port" && continue
  start_cluster "$port"
  url_for "$port"
  exit 0
done
log "no free port from $first_port to $((first_port + 19))"
exit 1

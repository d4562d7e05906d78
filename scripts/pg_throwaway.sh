#!/usr/bin/env bash
# pg_throwaway.sh — a disposable PostgreSQL cluster on 127.0.0.1 for Shouwang's tests.
#
#   scripts/pg_throwaway.sh start    # fresh cluster (replaces the one this state file names), prints the URL
#   scripts/pg_throwaway.sh url      # postgres://shouwang:shouwang@127.0.0.1:PORT/shouwang_test
#   scripts/pg_throwaway.sh env      # export SHOUWANG_TEST_DATABASE_URL=...   (eval "$(... env)")
#   scripts/pg_throwaway.sh status   # running or not, where
#   scripts/pg_throwaway.sh psql     # psql as superuser on the unix socket (extra args passed on)
#   scripts/pg_throwaway.sh stop     # stop it and delete its directory (safe to call when nothing runs)
#
# Typical use:
#   scripts/pg_throwaway.sh start && SHOUWANG_TEST_DATABASE_URL=$(scripts/pg_throwaway.sh url) swift test
#   scripts/pg_throwaway.sh stop
#
# Settings (environment): PG_THROWAWAY_PORT (first port tried, default 54329; the next free one is used if busy),
# PG_THROWAWAY_USER / PG_THROWAWAY_PASSWORD / PG_THROWAWAY_DB (default shouwang / shouwang / shouwang_test),
# PG_THROWAWAY_STATE (state file, default /tmp/shouwang-pg-throwaway.state; use another one to run two clusters).
# Needs Debian's postgresql package (initdb under /usr/lib/postgresql/*/bin). Run as root (the cluster then runs as
# the `postgres` user) or as any ordinary user (the cluster runs as that user).
# Everything lives in one mktemp directory: data/, sock/ (unix socket), log. Nothing else on the machine is touched.
# The cluster is tuned for tests (fsync off): never keep data you care about in it.
set -euo pipefail

STATE=${PG_THROWAWAY_STATE:-/tmp/shouwang-pg-throwaway.state}
PORT0=${PG_THROWAWAY_PORT:-54329}
DB_USER=${PG_THROWAWAY_USER:-shouwang}
DB_PASS=${PG_THROWAWAY_PASSWORD:-shouwang}
DB_NAME=${PG_THROWAWAY_DB:-shouwang_test}

say() { echo "pg_throwaway: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

find_bindir() {
  local d
  # newest major version first
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n -r); do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

# Run a command as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() {  # true if something accepts TCP connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

load_state() {
  PGT_DIR="" PGT_PORT="" PGT_BIN=""
  if [[ -f $STATE ]]; then
    # shellcheck disable=SC1090
    source "$STATE"
  fi
}

url() { echo "postgres://${DB_USER}:${DB_PASS}@127.0.0.1:${PGT_PORT}/${DB_NAME}"; }

is_running() {
  [[ -n ${PGT_DIR:-} && -d $PGT_DIR/data && -n ${PGT_BIN:-} ]] || return 1
  as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" status >/dev/null 2>&1
}

do_stop() {
  load_state
  if [[ -n ${PGT_DIR:-} && -d $PGT_DIR ]]; then
    if is_running; then
      say "stopping cluster in $PGT_DIR (port $PGT_PORT)"
      as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
        as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    # last resort: a postmaster that pg_ctl could not stop
    if [[ -f $PGT_DIR/data/postmaster.pid ]]; then
      local pid; pid=$(head -n1 "$PGT_DIR/data/postmaster.pid" 2>/dev/null || true)
      if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true; sleep 1
      fi
    fi
    rm -rf -- "$PGT_DIR"
  fi
  rm -f -- "$STATE"
}

do_start() {
  local bin dir port i
  bin=$(find_bindir) || die "initdb not found: apt-get install -y postgresql"
  do_stop   # a stale cluster from an earlier run (same state file) goes first

  port=$PORT0
  for ((i = 0; i < 50; i++)); do
    port_busy "$port" || break
    say "port $port is busy, trying $((port + 1))"
    port=$((port + 1))
  done
  port_busy "$port" && die "no free port in $PORT0..$port"

  dir=$(mktemp -d "${TMPDIR:-/tmp}/shouwang-pg.XXXXXX")
  mkdir -p "$dir/sock"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user postgres does not exist (install the postgresql package)"
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir"
  printf 'PGT_DIR=%q\nPGT_PORT=%q\nPGT_BIN=%q\n' "$dir" "$port" "$bin" >"$STATE"
  PGT_DIR=$dir PGT_PORT=$port PGT_BIN=$bin

  say "initdb in $dir/data ($("$bin/postgres" --version))"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; die "initdb failed"
  fi
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- pg_throwaway.sh ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
max_connections = 600
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF

  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null; then
    tail -n 50 "$dir/postgres.log" >&2 || true; die "postgres did not start"
  fi
  say "running on 127.0.0.1:$port (socket dir $dir/sock, log $dir/postgres.log)"

  as_owner "$bin/psql" -X -q -h "$dir/sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v u="$DB_USER" -v p="$DB_PASS" -v d="$DB_NAME" <<'SQL' >/dev/null
CREATE ROLE :"u" LOGIN PASSWORD :'p';
CREATE DATABASE :"d" OWNER :"u" ENCODING 'UTF8' TEMPLATE template0;
SQL
  # prove the URL works over TCP with password authentication
  PGPASSWORD=$DB_PASS "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 \
    -c 'CREATE TABLE pg_throwaway_probe (x int); DROP TABLE pg_throwaway_probe;' >/dev/null ||
    die "cannot connect as $DB_USER over TCP"
  say "database $DB_NAME owned by $DB_USER is ready"
  url
}

cmd=${1:-}
shift || true
case $cmd in
  start) do_start ;;
  stop) do_stop ;;
  url) load_state; is_running || die "not running (scripts/pg_throwaway.sh start)"; url ;;
  env) load_state; is_running || die "not running (scripts/pg_throwaway.sh start)"
       echo "export SHOUWANG_TEST_DATABASE_URL=$(url)" ;;
  status)
    load_state
    if is_running; then echo "running: $(url)  dir=$PGT_DIR"; else echo "not running"; exit 3; fi ;;
  psql) load_state; is_running || die "not running"
        as_owner "$PGT_BIN/psql" -X -h "$PGT_DIR/sock" -p "$PGT_PORT" -U postgres -d "$DB_NAME" "$@" ;;
  *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

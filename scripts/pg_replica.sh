#!/usr/bin/env bash
# pg_replica.sh — a disposable PostgreSQL primary + hot-standby replica on 127.0.0.1 for Shouwang's tests.
#
#   scripts/pg_replica.sh start      # primary + streaming replica (if both already run: just prints the URLs)
#   scripts/pg_replica.sh urls       # two lines: the primary (write) URL, then the replica (read) URL
#   scripts/pg_replica.sh env        # export DATABASE_URL=... DATABASE_READ_URL=... (+ SHOUWANG_TEST_*), for eval
#   scripts/pg_replica.sh wait-sync  # wait (30 s max) until the replica has replayed all the primary wrote so far
#   scripts/pg_replica.sh status     # running or not, where, replication state
#   scripts/pg_replica.sh psql [primary|replica] [args]  # psql as superuser on the unix socket
#   scripts/pg_replica.sh stop       # stop both and delete their directory (safe to call when nothing runs)
#
# Typical use:
#   scripts/pg_replica.sh start && eval "$(scripts/pg_replica.sh env)" && swift test
#   ... write on $DATABASE_URL; scripts/pg_replica.sh wait-sync; read on $DATABASE_READ_URL ...
#   scripts/pg_replica.sh stop
#
# Settings (environment): PG_REPLICA_PRIMARY_PORT / PG_REPLICA_READ_PORT (default 54331 / 54332, never moved:
# start fails if one is taken by something else), PG_REPLICA_USER / PG_REPLICA_PASSWORD / PG_REPLICA_DB (default
# shouwang / shouwang / shouwang_test), PG_REPLICA_SYNC_TIMEOUT (seconds, default 30), PG_REPLICA_STATE (state
# file, default /tmp/shouwang-pg-replica.state). Independent of scripts/pg_throwaway.sh (port 54329).
# Needs Debian's postgresql package (initdb, pg_basebackup under /usr/lib/postgresql/*/bin). Run as root (the
# clusters then run as the `postgres` user) or as any ordinary user (they run as that user).
# Everything lives in one mktemp directory: primary/ and replica/ (data), sock-primary/, sock-replica/, *.log.
# Tuned for tests (fsync off): never keep data you care about in it.
set -euo pipefail

STATE=${PG_REPLICA_STATE:-/tmp/shouwang-pg-replica.state}
PPORT=${PG_REPLICA_PRIMARY_PORT:-54331}
RPORT=${PG_REPLICA_READ_PORT:-54332}
DB_USER=${PG_REPLICA_USER:-shouwang}
DB_PASS=${PG_REPLICA_PASSWORD:-shouwang}
DB_NAME=${PG_REPLICA_DB:-shouwang_test}
SYNC_TIMEOUT=${PG_REPLICA_SYNC_TIMEOUT:-30}
REPL_USER=replicator
SLOT=shouwang_replica

say() { echo "pg_replica: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

find_bindir() {
  local d
  # newest major version first
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n -r); do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/pg_basebackup ]]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_basebackup >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

# Run a command as the clusters' owner (from /, which the postgres user can always enter). fd 9 (the start/stop
# lock) is closed for it: a postmaster that inherited it would hold the lock for as long as it runs.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    "$@" 9>&-
  fi
}

now_ms() {  # wall clock in milliseconds ($SECONDS only ticks on whole seconds)
  local t=${EPOCHREALTIME:-}
  if [[ -n $t ]]; then t=${t/[.,]/}; echo $((10#$t / 1000)); else echo $(($(date +%s) * 1000)); fi
}

port_busy() {  # true if something accepts TCP connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Serialise start/stop between concurrent invocations (best effort: skipped if flock is unavailable).
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  { exec 9>>"$STATE.lock"; } 2>/dev/null || return 0
  flock -w 120 9 || die "another pg_replica.sh holds $STATE.lock"
}

load_state() {
  PGR_DIR="" PGR_BIN="" PGR_PPORT="" PGR_RPORT=""
  if [[ -f $STATE ]]; then
    # shellcheck disable=SC1090
    source "$STATE"
  fi
}

primary_url() { echo "postgres://${DB_USER}:${DB_PASS}@127.0.0.1:${PGR_PPORT}/${DB_NAME}"; }
read_url() { echo "postgres://${DB_USER}:${DB_PASS}@127.0.0.1:${PGR_RPORT}/${DB_NAME}"; }
urls() { primary_url; read_url; }

node_running() {  # node_running primary|replica
  [[ -n ${PGR_DIR:-} && -d $PGR_DIR/$1 && -n ${PGR_BIN:-} ]] || return 1
  as_owner "$PGR_BIN/pg_ctl" -D "$PGR_DIR/$1" status >/dev/null 2>&1
}
is_running() { node_running primary && node_running replica; }
need_running() { load_state; is_running || die "not running (scripts/pg_replica.sh start)"; }

# psql_node primary|replica [psql args...] — superuser, unix socket, unaligned tuples-only output.
psql_node() {
  local node=$1 port; shift
  if [[ $node == primary ]]; then port=$PGR_PPORT; else port=$PGR_RPORT; fi
  as_owner "$PGR_BIN/psql" -X -q -At -h "$PGR_DIR/sock-$node" -p "$port" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 "$@"
}

stop_node() {  # stop_node primary|replica
  local node=$1 pid
  [[ -d $PGR_DIR/$node ]] || return 0
  if node_running "$node"; then
    say "stopping $node in $PGR_DIR/$node"
    as_owner "$PGR_BIN/pg_ctl" -D "$PGR_DIR/$node" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_owner "$PGR_BIN/pg_ctl" -D "$PGR_DIR/$node" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  # last resort: a postmaster that pg_ctl could not stop
  if [[ -f $PGR_DIR/$node/postmaster.pid ]]; then
    pid=$(head -n1 "$PGR_DIR/$node/postmaster.pid" 2>/dev/null || true)
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true; sleep 1
    fi
  fi
}

do_stop() {
  load_state
  if [[ -n ${PGR_DIR:-} && -d $PGR_DIR ]]; then
    if [[ -n ${PGR_BIN:-} ]]; then
      stop_node replica   # standby first, so it does not log a lost primary
      stop_node primary
    fi
    rm -rf -- "$PGR_DIR"
  fi
  rm -f -- "$STATE"
}

# The LSN the replica must reach to have everything committed on the primary so far. The clusters run with
# synchronous_commit=off, so a commit that was already acknowledged may still sit in the WAL buffers, behind
# pg_current_wal_lsn() (and the walsender only ships flushed WAL). So first one tiny transaction that writes WAL
# (a transactional logical message: no table, no bloat) commits synchronously, which flushes all the WAL before
# it; pg_current_wal_lsn() is then at or past the end of every earlier commit record. (A transaction that only
# takes an xid writes no WAL of its own and would commit asynchronously anyway.)
primary_target_lsn() {
  psql_node primary <<'SQL'
BEGIN;
SET LOCAL synchronous_commit = on;
SELECT pg_logical_emit_message(true, 'pg_replica', 'wait-sync') \g /dev/null
COMMIT;
SELECT pg_current_wal_lsn();
SQL
}

do_wait_sync() {
  local target replayed deadline
  target=$(primary_target_lsn) || die "cannot read pg_current_wal_lsn() on the primary"
  deadline=$(($(now_ms) + SYNC_TIMEOUT * 1000))
  while :; do
    if [[ $(psql_node replica -c \
        "SELECT coalesce(pg_last_wal_replay_lsn() >= '$target'::pg_lsn, false)" 2>/dev/null) == t ]]; then
      return 0
    fi
    if (($(now_ms) >= deadline)); then
      replayed=$(psql_node replica -c "SELECT pg_last_wal_replay_lsn()" 2>/dev/null || echo '?')
      say "replication state on the primary:"
      psql_node primary -c "SELECT application_name, state, sent_lsn, replay_lsn FROM pg_stat_replication" >&2 || true
      tail -n 20 "$PGR_DIR/replica.log" >&2 2>/dev/null || true
      die "replica replayed ${replayed:-nothing} after ${SYNC_TIMEOUT}s, primary is at $target"
    fi
    sleep 0.02
  done
}

do_start() {
  local bin dir repl_pass i p
  bin=$(find_bindir) || die "initdb/pg_basebackup not found: apt-get install -y postgresql"

  load_state
  if is_running; then
    say "already running in $PGR_DIR (primary :$PGR_PPORT, replica :$PGR_RPORT)"
    urls
    return 0
  fi
  do_stop   # a half-dead pair from an earlier run (same state file) goes first

  for p in "$PPORT" "$RPORT"; do
    port_busy "$p" && die "port $p is taken by something else (set PG_REPLICA_PRIMARY_PORT / PG_REPLICA_READ_PORT)"
  done

  dir=$(mktemp -d "${TMPDIR:-/tmp}/shouwang-pg-replica.XXXXXX")
  mkdir -p "$dir/sock-primary" "$dir/sock-replica"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user postgres does not exist (install the postgresql package)"
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir"
  printf 'PGR_DIR=%q\nPGR_BIN=%q\nPGR_PPORT=%q\nPGR_RPORT=%q\n' "$dir" "$bin" "$PPORT" "$RPORT" >"$STATE"
  PGR_DIR=$dir PGR_BIN=$bin PGR_PPORT=$PPORT PGR_RPORT=$RPORT

  # ---- primary ----
  say "initdb in $dir/primary ($("$bin/postgres" --version))"
  if ! as_owner "$bin/initdb" -D "$dir/primary" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; die "initdb failed"
  fi
  cat >>"$dir/primary/postgresql.conf" <<EOF

# --- pg_replica.sh (primary; the replica inherits these through pg_basebackup) ---
listen_addresses = '127.0.0.1'
port = $PPORT
unix_socket_directories = '$dir/sock-primary'
max_connections = 600
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = '256MB'
hot_standby = on
hot_standby_feedback = on
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF
  # initdb's pg_hba.conf already lets replication in over 127.0.0.1 with a password; make sure of it
  grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$dir/primary/pg_hba.conf" ||
    echo "host replication all 127.0.0.1/32 scram-sha-256" >>"$dir/primary/pg_hba.conf"

  if ! as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null; then
    tail -n 50 "$dir/primary.log" >&2 || true; die "primary did not start"
  fi
  say "primary running on 127.0.0.1:$PPORT (log $dir/primary.log)"

  repl_pass=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  psql_node primary -v u="$DB_USER" -v p="$DB_PASS" -v d="$DB_NAME" -v ru="$REPL_USER" -v rp="$repl_pass" \
    <<'SQL' >/dev/null
CREATE ROLE :"u" LOGIN PASSWORD :'p';
CREATE DATABASE :"d" OWNER :"u" ENCODING 'UTF8' TEMPLATE template0;
CREATE ROLE :"ru" LOGIN REPLICATION PASSWORD :'rp';
SQL

  # ---- replica: base backup over the replication protocol, -R writes standby.signal + primary_conninfo ----
  say "pg_basebackup into $dir/replica"
  if ! as_owner "$bin/pg_basebackup" -D "$dir/replica" -R -X stream -C -S "$SLOT" -c fast --no-sync \
      -d "host=127.0.0.1 port=$PPORT user=$REPL_USER password=$repl_pass application_name=$SLOT" \
      >"$dir/basebackup.log" 2>&1; then
    cat "$dir/basebackup.log" >&2; die "pg_basebackup failed"
  fi
  cat >>"$dir/replica/postgresql.conf" <<EOF

# --- pg_replica.sh (replica: overrides the copied primary settings above) ---
port = $RPORT
unix_socket_directories = '$dir/sock-replica'
hot_standby = on
EOF
  [[ -f $dir/replica/standby.signal ]] || die "pg_basebackup -R wrote no standby.signal"

  if ! as_owner "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t 60 start >/dev/null; then
    tail -n 50 "$dir/replica.log" >&2 || true; die "replica did not start"
  fi
  [[ $(psql_node replica -c 'SELECT pg_is_in_recovery()') == t ]] || die "replica is not in recovery"

  # streaming established?
  for ((i = 0; i < 300; i++)); do
    [[ $(psql_node primary -c \
      "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$SLOT' AND state = 'streaming'") == 1 ]] &&
      break
    sleep 0.1
  done
  ((i < 300)) || { tail -n 20 "$dir/replica.log" >&2; die "replica is not streaming from the primary"; }
  say "replica (hot standby) running on 127.0.0.1:$RPORT, streaming from :$PPORT (log $dir/replica.log)"

  # prove both URLs work over TCP with password authentication, and that the read one is the standby
  PGPASSWORD=$DB_PASS "$bin/psql" -X -q -h 127.0.0.1 -p "$PPORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 \
    -c 'CREATE TABLE pg_replica_probe (x int); DROP TABLE pg_replica_probe;' >/dev/null ||
    die "cannot connect as $DB_USER to the primary over TCP"
  do_wait_sync
  [[ $(PGPASSWORD=$DB_PASS "$bin/psql" -X -q -At -h 127.0.0.1 -p "$RPORT" -U "$DB_USER" -d "$DB_NAME" \
      -c 'SELECT pg_is_in_recovery()') == t ]] || die "cannot connect as $DB_USER to the replica over TCP"
  say "database $DB_NAME owned by $DB_USER is ready on both"
  urls
}

cmd=${1:-}
shift || true
case $cmd in
  start) take_lock; do_start ;;
  stop) take_lock; do_stop ;;
  urls | url) need_running; urls ;;
  env) need_running
       echo "export DATABASE_URL=$(primary_url)"
       echo "export DATABASE_READ_URL=$(read_url)"
       echo "export SHOUWANG_TEST_DATABASE_URL=$(primary_url)"
       echo "export SHOUWANG_TEST_READ_DATABASE_URL=$(read_url)" ;;
  wait-sync) need_running; do_wait_sync ;;
  status)
    load_state
    if is_running; then
      echo "running: primary $(primary_url)  replica $(read_url)  dir=$PGR_DIR"
      psql_node primary -F ' ' -c \
        "SELECT 'replication:', application_name, state, 'replay_lsn', replay_lsn FROM pg_stat_replication" || true
    else
      echo "not running"; exit 3
    fi ;;
  psql) need_running
        node=primary
        if [[ ${1:-} == primary || ${1:-} == replica ]]; then node=$1; shift; fi
        if [[ $node == primary ]]; then port=$PGR_PPORT; else port=$PGR_RPORT; fi
        as_owner "$PGR_BIN/psql" -X -h "$PGR_DIR/sock-$node" -p "$port" -U postgres -d "$DB_NAME" "$@" ;;
  *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

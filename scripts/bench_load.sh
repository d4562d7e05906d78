#!/usr/bin/env bash
# Load test with wrk: the household page (rotating over the signed-in user's households) and the lead list, with
# latency percentiles, requests/s and the server's peak memory (VmHWM), for docs/benchmarks.md.
#   scripts/bench_load.sh DATA_DIR [BINARY] [--duration 30s] [--connections 32] [--threads 2]
#                         [--warmup 5s] [--timeout 30s] [--lead-connections N] [--port 18090]
# DATA_DIR holds shouwang.sqlite (e.g. built by `shouwang demo --prepare-only`), or `--postgres` for the database
# at DATABASE_URL (psql reads the paths); BINARY defaults to
# .build/release/shouwang (build it first: swift build -c release --product shouwang).
# Signs in as BENCH_USER / BENCH_PASSWORD (default county / shouwang-demo). BENCH_MAX_PATHS caps the number of
# household pages rotated through (default: every household in the user's area, in random order).
# --lead-connections sets the lead-list run's concurrency (default: --connections). wrk leaves requests slower than
# --timeout out of the latency figures (counted as timeouts), hence the generous default.
# Needs wrk, sqlite3 and curl (Debian: apt-get install -y wrk sqlite3 curl).
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "bench_load: $*" >&2; exit 1; }

duration=30s connections=32 threads=2 warmup=5s timeout=30s port=18090 lead_connections=
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=${2:?}; shift 2 ;;
    --connections) connections=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --warmup) warmup=${2:?}; shift 2 ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    --lead-connections) lead_connections=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    --postgres) positional+=("$1"); shift ;;
    --*) echo "bench_load: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && [ ${#positional[@]} -le 2 ] || usage
lead_connections=${lead_connections:-$connections}

root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${positional[0]}" = --postgres ]; then
  # PostgreSQL at DATABASE_URL instead of a data directory
  [ -n "${DATABASE_URL:-}" ] || die "--postgres needs DATABASE_URL"
  command -v psql >/dev/null || die "psql is not installed (apt-get install -y postgresql-client)"
  data_dir=$(mktemp -d)
else
  unset DATABASE_URL
  data_dir=$(cd "${positional[0]}" 2>/dev/null && pwd) || die "no such data directory: ${positional[0]}"
fi
binary=${positional[1]:-$root/.build/release/shouwang}
case "$binary" in /*) ;; *) binary=$PWD/$binary ;; esac
database=$data_dir/shouwang.sqlite
user=${BENCH_USER:-county}
password=${BENCH_PASSWORD:-shouwang-demo}
base=http://127.0.0.1:$port

for tool in wrk sqlite3 curl; do command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y wrk sqlite3 curl)"; done
[ -x "$binary" ] || die "no server binary at $binary (swift build -c release --product shouwang, or pass BINARY)"
[ -n "${DATABASE_URL:-}" ] || [ -f "$database" ] || die "no database at $database (build one: SHOUWANG_DATA_DIR=DIR shouwang demo --prepare-only)"
if curl -s -o /dev/null --max-time 2 "$base/healthz"; then die "something already answers on port $port; stop it or pass --port"; fi

seconds_of() { # wrk durations: 30s, 2m, 1h, or a bare number of seconds
  local v=$1
  case "$v" in *s) echo "${v%s}" ;; *m) echo $(( ${v%m} * 60 )) ;; *h) echo $(( ${v%h} * 3600 )) ;; *) echo "$v" ;; esac
}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench_load.XXXXXX")
server_pid= cookie= page_csrf=
cleanup() {
  local status=$? keep=
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    # Close the benchmark's session so repeated runs do not pile up tokens (best effort).
    [ -n "$page_csrf" ] && curl -s -o /dev/null --max-time 5 -H "$cookie" -H "Origin: $base" \
      --data-urlencode "_csrf=$page_csrf" "$base/logout" || true
    kill "$server_pid" 2>/dev/null || true
    # Generous wait: a crashing Swift process spends several seconds writing its backtrace, and killing it midway
    # leaves an orphaned swift-backtrace holding the listening port.
    for _ in $(seq 600); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "bench_load: server still running 60 s after SIGTERM; killing it" >&2; kill -9 "$server_pid" 2>/dev/null || true
    fi
  fi
  if [ -s "$work/server.log" ] && grep -q -e 'Program crashed' -e 'Fatal error' "$work/server.log"; then
    echo "bench_load: THE SERVER CRASHED (see the backtrace in the log kept below)" >&2; keep=1
  fi
  if [ "$status" -ne 0 ] && grep -q '[^[:space:]]' "$work/server.log" 2>/dev/null; then
    echo "--- last lines of the server log ---" >&2; tail -20 "$work/server.log" >&2; keep=1
  fi
  if [ -n "$keep" ]; then echo "bench_load: server log kept in $work/server.log" >&2; else rm -rf "$work"; fi
  if ss -ltn 2>/dev/null | grep -q "127.0.0.1:$port "; then
    echo "bench_load: port $port is still held after the server stopped:" >&2; ss -ltnp 2>/dev/null | grep ":$port " >&2 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- start the server ----------------------------------------------------------------------------------------------
cd "$root"   # the server reads Resources/ and Public/ relative to the working directory
SHOUWANG_DATA_DIR=$data_dir LOG_LEVEL=warning SHOUWANG_SCREENING_HOUR=off \
  "$binary" serve --hostname 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for i in $(seq 600); do
  kill -0 "$server_pid" 2>/dev/null || die "the server exited during start-up"
  [ "$(curl -s --max-time 1 "$base/healthz" || true)" = ok ] && break
  [ "$i" -eq 600 ] && die "the server did not answer /healthz within 60 s"
  sleep 0.1
done

# --- sign in (web login form: same-origin Origin header, plus _csrf when the form carries one) ----------------------
login_form=$(curl -s "$base/login")
csrf=$(printf '%s' "$login_form" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
csrf_args=()
[ -n "$csrf" ] && csrf_args=(--data-urlencode "_csrf=$csrf")
login_headers=$(curl -s -o /dev/null -D - -H "Origin: $base" \
  --data-urlencode "username=$user" --data-urlencode "password=$password" "${csrf_args[@]}" "$base/login" | tr -d '\r')
login_status=$(printf '%s\n' "$login_headers" | awk 'NR==1{print $2}')
# The cookie is marked Secure, so curl's cookie jar would not send it back over http: take it from Set-Cookie.
session=$(printf '%s\n' "$login_headers" | sed -n 's/^[Ss]et-[Cc]ookie: shouwang_session=\([^;]*\).*/\1/p' | head -1)
[ -n "$session" ] || die "sign-in as '$user' failed (HTTP $login_status, no shouwang_session cookie); check BENCH_USER / BENCH_PASSWORD, or the account may be locked after failed attempts"
cookie="Cookie: shouwang_session=$session"

# --- paths: the household pages of the user's area, and the lead list ------------------------------------------------
if [ -n "${DATABASE_URL:-}" ]; then
  sql() { psql "$DATABASE_URL" -qtAc "$1"; }
else
  sql() { sqlite3 -readonly -batch -noheader "$database" "$1"; }
fi
quoted_user=${user//\'/\'\'}
area=$(sql "SELECT u.area_code || '|' || a.level FROM users u JOIN areas a ON a.code = u.area_code WHERE u.username = '$quoted_user'")
[ -n "$area" ] || die "user '$user' or its area not found in $database"
area_code=${area%%|*} level=${area#*|}
case "$level" in
  province) where="village_code LIKE '${area_code:0:2}%'" ;;
  city) where="village_code LIKE '${area_code:0:4}%'" ;;
  county) where="village_code LIKE '${area_code:0:6}%'" ;;
  township) where="village_code LIKE '${area_code:0:9}%'" ;;
  village) where="village_code = '$area_code'" ;;
  group) where="group_code = '$area_code'" ;;
  grid) where="grid_code = '$area_code'" ;;
  *) die "unknown area level '$level' for $area_code" ;;
esac
limit=${BENCH_MAX_PATHS:+LIMIT $BENCH_MAX_PATHS}
sql "SELECT '/households/' || lower(CAST(id AS TEXT)) FROM households WHERE $where ORDER BY random() $limit" >"$work/households.txt"
household_paths=$(wc -l <"$work/households.txt")
[ "$household_paths" -gt 0 ] || die "no households in the area of '$user' ($area_code, $level)"
echo "/leads" >"$work/leads.txt"

# --- check that the cookie works: every sampled page must be 200, not a redirect to /login ----------------------------
check() {
  local path=$1 code
  code=$(curl -s -o "$work/page.html" -w '%{http_code} %{redirect_url}' -H "$cookie" "$base$path")
  [ "${code%% *}" = 200 ] || die "GET $path with the session cookie answered $code, not 200; the load test would measure redirects or errors — aborting"
}
awk -v n="$household_paths" 'NR == 1 || NR == n || NR % 997 == 0' "$work/households.txt" | head -25 >"$work/sample.txt"
while read -r path; do check "$path"; done <"$work/sample.txt"
check /leads
page_csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/page.html" | head -1)

# --- measurement helpers -----------------------------------------------------------------------------------------------
ticks=$(getconf CLK_TCK)
server_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$server_pid/stat"; }   # utime + stime
machine_ticks() { awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total }' /proc/stat; }
memory() { awk '/^VmHWM|^VmRSS/ { printf "%s %.0f MiB  ", $1, $2 / 1024 }' "/proc/$server_pid/status"; echo; }
hwm() { awk '/^VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$server_pid/status"; }
drain() { # wrk stops with requests still queued in the server; let them finish so phases do not overlap
  local before after waited=0
  after=$(server_ticks)
  while [ "$waited" -lt 120 ]; do
    before=$after; sleep 1; waited=$((waited + 1)); after=$(server_ticks)
    [ $((after - before)) -le $((ticks / 20)) ] && break   # under 5% of a core: idle
  done
  [ "$waited" -gt 1 ] && echo "server finished the requests still queued when wrk stopped: ${waited} s"
  return 0
}

run_wrk() { # name paths_file connections
  local name=$1 paths=$2 conns=$3 half s0 s1 m0 m1 wall0 wall1
  half=$(( $(seconds_of "$duration") / 2 ))
  echo
  echo "=== $name: wrk -t$threads -c$conns -d$duration --timeout $timeout --latency, $(wc -l <"$paths") path(s) ==="
  ( sleep "$half"; { echo "top over 1 s at ${half}s into the run:"; top -b -n2 -d1 | awk '/^top -/ { n++ } n == 2' | head -15; } >"$work/top.txt" 2>&1 ) &
  local sampler=$!
  s0=$(server_ticks); read -r m0 t0 < <(machine_ticks); wall0=$(date +%s.%N)
  wrk -t"$threads" -c"$conns" -d"$duration" --timeout "$timeout" --latency -H "$cookie" \
    -s "$root/scripts/wrk_paths.lua" "$base" -- "$paths" "$threads" | tee "$work/$name.out"
  s1=$(server_ticks); read -r m1 t1 < <(machine_ticks); wall1=$(date +%s.%N)
  wait "$sampler" 2>/dev/null || true
  awk -v s="$((s1 - s0))" -v busy="$((m1 - m0))" -v tot="$((t1 - t0))" -v hz="$ticks" -v w0="$wall0" -v w1="$wall1" -v n="$(nproc)" \
    'BEGIN { printf "CPU during the run: server %.2f cores; whole machine %.2f of %d cores busy (server + wrk + anything else)\n", s / hz / (w1 - w0), n * busy / tot, n }'
  [ -s "$work/top.txt" ] && sed 's/^/  /' "$work/top.txt"
  drain
  echo "server memory after $name: $(memory)"
  hwm >"$work/$name.hwm"
}

# --- run ------------------------------------------------------------------------------------------------------------------
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "note: wrk ($threads threads) and the server share these $(nproc) cores; other busy processes now:"
top -b -n2 -d1 | awk '/^top -/ { n++; table = 0 } n == 2 && table && $9 + 0 >= 5 { printf "  pid %s %s%% CPU %s\n", $1, $9, $12 } /^ *PID / { table = 1 }' | grep -v " $server_pid " || echo "  (none above 5% CPU)"
echo "server: $binary (pid $server_pid), data: $database ($(du -h "$database" | cut -f1), $(sql 'SELECT count(*) FROM households') households, $(sql 'SELECT count(*) FROM risk_leads') leads)"
echo "signed in as $user ($level $area_code); $household_paths household pages in rotation; checked $(wc -l <"$work/sample.txt") of them and /leads: 200"
echo "server memory at start: $(memory)"

if [ "$(seconds_of "$warmup")" != 0 ]; then
  echo; echo "warm-up: household pages for $warmup (not reported)"
  wrk -t"$threads" -c"$connections" -d"$warmup" --timeout "$timeout" -H "$cookie" \
    -s "$root/scripts/wrk_paths.lua" "$base" -- "$work/households.txt" "$threads" | grep '^RESULT' || true
  drain
fi

run_wrk households "$work/households.txt" "$connections"
run_wrk leads "$work/leads.txt" "$lead_connections"

echo
echo "=== summary ==="
for name in households leads; do
  echo "$name: $(grep '^RESULT' "$work/$name.out" | sed 's/^RESULT //') VmHWM_after=$(cat "$work/$name.hwm")"
done
echo "server peak memory (VmHWM, whole run): $(hwm)"
problems=$(grep -c -e '^\[ ERROR' -e '^\[ WARNING' -e '^\[ CRITICAL' "$work/server.log" || true)
echo "server log: $problems warning/error lines"
if [ "$problems" -gt 0 ]; then grep -e '^\[ ERROR' -e '^\[ WARNING' -e '^\[ CRITICAL' "$work/server.log" | cut -c1-160 | sed 's/ \[request-id.*//' | sort | uniq -c | sort -rn | head -5; fi
echo "targets: household page >= 2000 requests/s with p99 <= 50 ms; server memory <= 500 MB"

#!/usr/bin/env bash
# Page times at scale, for docs/benchmarks.md: the home page, the area page, the household list, the lead ledger,
# one household's page and the data-quality report (all rules, then one), each opened one at a time by a province account and by a county account, with the server's
# peak memory.
#   scripts/bench_pages.sh DATA_DIR [BINARY] [--runs 5] [--port 18095]
#   scripts/bench_pages.sh --postgres [BINARY] ...     # the database at DATABASE_URL (DATABASE_READ_URL: the replica
#                                                      # serves the home and area pages, as in production)
# The two accounts (bench-pages-province, a supervisor of the province; bench-pages-county, a county officer of the
# county with the first household) are created with `shouwang create-user` if they do not exist yet. Every page is
# opened once to warm up, then RUNS times; the table gives the fastest, the median and the slowest.
# Needs curl, and sqlite3 or psql.
set -euo pipefail
die() { echo "bench_pages: $*" >&2; exit 1; }
runs=5 port=18095 positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] || die "usage: bench_pages.sh DATA_DIR|--postgres [BINARY]"
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${positional[1]:-$root/.build/release/shouwang}
[ -x "$binary" ] || die "no server binary at $binary (swift build -c release --product shouwang)"
if [ "${positional[0]}" = --postgres ]; then
  [ -n "${DATABASE_URL:-}" ] || die "--postgres needs DATABASE_URL"
  data_dir=$(mktemp -d)
  sql() { psql "$DATABASE_URL" -qtAc "$1"; }
  engine="PostgreSQL${DATABASE_READ_URL:+ (reports on the replica)}"
else
  unset DATABASE_URL DATABASE_READ_URL
  data_dir=$(cd "${positional[0]}" && pwd) || die "no such data directory"
  sql() { sqlite3 -batch -noheader "$data_dir/shouwang.sqlite" "$1"; }
  engine=SQLite
fi
export SHOUWANG_DATA_DIR=$data_dir LOG_LEVEL=warning SHOUWANG_SCREENING_HOUR=off
base=http://127.0.0.1:$port password=${BENCH_PAGES_PASSWORD:-bench-pages-2026}
cd "$root"

village=$(sql "SELECT village_code FROM households ORDER BY id LIMIT 1")
[ -n "$village" ] || die "no households in the database"
province=${village:0:2}0000000000 county=${village:0:6}000000
for account in "bench-pages-province supervisor $province" "bench-pages-county county $county"; do
  set -- $account
  if [ -z "$(sql "SELECT 1 FROM users WHERE username = '$1'")" ]; then
    SHOUWANG_NEW_PASSWORD=$password "$binary" create-user --username "$1" --name "$1" --role "$2" --area "$3" >/dev/null
  fi
done

"$binary" serve --hostname 127.0.0.1 --port "$port" >"$data_dir/bench_pages.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do [ "$(curl -s --max-time 1 "$base/healthz" || true)" = ok ] && break; sleep 0.1; done

sign_in() { # prints the session cookie header of the account
  curl -s -o /dev/null -D - -H "Origin: $base" --data-urlencode "username=$1" --data-urlencode "password=$password" "$base/login" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: shouwang_session=\([^;]*\).*/Cookie: shouwang_session=\1/p' | head -1
}
time_page() { # cookie label path
  local times status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$1" "$base$3")
  [ "$status" = 200 ] || die "GET $3 answered $status"
  times=$(for _ in $(seq "$runs"); do curl -s -o /dev/null -w '%{time_total}\n' -H "$1" "$base$3"; done | sort -n)
  printf '| %s | %s | %.3f s | %.3f s | %.3f s |\n' "$2" "$3" "$(head -1 <<<"$times")" \
    "$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$times")" "$(tail -1 <<<"$times")"
}

household=$(sql "SELECT lower(CAST(id AS TEXT)) FROM households WHERE village_code = '$village' ORDER BY id LIMIT 1")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$engine: $(sql 'SELECT count(*) FROM households') households, $(sql 'SELECT count(*) FROM risk_leads') leads; $runs runs a page"
echo
echo "| account | page | fastest | median | slowest |"
echo "|---|---|---|---|---|"
for account in "bench-pages-province $province" "bench-pages-county $county"; do
  set -- $account
  cookie=$(sign_in "$1")
  [ -n "$cookie" ] || die "sign-in as $1 failed"
  for page in "home /" "area /areas/$2" "households /households" "leads /leads" "household /households/$household" "quality /registry/quality" "quality-rule /registry/quality?rule=schoolStatusAge"; do
    set -- $page
    time_page "$cookie" "${account%% *}: $1" "$2"
  done
done
echo
awk '/^VmHWM/ { printf "server peak memory (VmHWM): %.0f MiB\n", $2 / 1024 }' "/proc/$server/status"

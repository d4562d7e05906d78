#!/usr/bin/env bash
# Province scale, for docs/benchmarks.md: generates a registry with department records on every township of a
# province, then times full screenings (the kept judgements built, current, a week on, rebuilt), an incremental screening after 10,000 households change, a
# department file with matching, and — on SQLite — the same rules run by DuckDB over the same data.
#   scripts/bench_scale.sh [households] [province] [engine]      e.g. scripts/bench_scale.sh 1000000 51 postgres
# engine: sqlite (default; a temporary data directory) or postgres (DATABASE_URL, or a throwaway cluster from
# scripts/pg_throwaway.sh; its public schema must be empty). Needs sqlite3 or psql, /usr/bin/time; DuckDB from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-1000000}; province=${2:-51}; engine=${3:-sqlite}
swift build -c release --product shouwang >/dev/null
bin=.build/release/shouwang
export LOG_LEVEL=${LOG_LEVEL:-info} SHOUWANG_SCREENING_HOUR=off
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SHOUWANG_DATA_DIR=$dir
if [[ $engine == postgres ]]; then
  export DATABASE_URL=${DATABASE_URL:-$(scripts/pg_throwaway.sh start | tail -n 1)}
  query() { psql "$DATABASE_URL" -qtAc "$1"; }
else
  query() { sqlite3 "$dir/shouwang.sqlite" "$1"; }
fi
timed() { local label=$1; shift; /usr/bin/time -f "$label: wall %e s, peak RSS %M KiB" "$@" 2>&1 | grep -v ' GET \| POST '; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $engine; $households households in province $province"

timed generate "$bin" generate --households "$households" --province "$province"
screen() { timed "full screening, dry run ($1)" "$bin" screen --area "${province}0000000000" --dry-run; }
screen "1: everyone judged, the kept judgements written"
screen "2: judgements kept current, nothing changed"
# What a week of days passing does to the kept judgements: those that run out within seven days are re-judged.
query "UPDATE screening_hits SET holds_through = '0000-01-01' WHERE holds_through <= '$(date -d '+7 days' +%F)'" >/dev/null
screen "3: a week of run-out judgements re-judged"
# What a new rule version or monitoring line does: everyone is judged again.
query "UPDATE screening_judgement_state SET basis = ''" >/dev/null
screen "4: everyone judged again, as after a rule change"

# 10,000 households' last-year income changes (the triggers log them), then the incremental run files their leads.
query "UPDATE income_records SET per_capita_net = per_capita_net - 1 WHERE id IN (SELECT id FROM income_records
       WHERE period_start = '$(( $(date +%Y) - 1 ))-01-01' ORDER BY household_id LIMIT 10000)" >/dev/null
timed "incremental screening of 10,000 changed households" "$bin" screen --changed

if [[ $engine == sqlite ]]; then
  SHOUWANG_BIN=$bin scripts/bench_department.sh "$dir" 100000 "$province" 1
  python3 scripts/bench_duckdb.py "$dir/shouwang.sqlite" | tail -n 1
else
  SHOUWANG_BIN=$bin scripts/bench_department.sh --postgres 100000 "$province" 1
fi

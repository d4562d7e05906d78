#!/usr/bin/env bash
# Registry import from CSV at scale, for docs/benchmarks.md: generates N households, exports them with
# `shouwang export`, empties the registry, imports the file (every household new), imports it again (every household
# unchanged), and — beside it — the raw write limit of `sqlite3 .import` of the same file.
#   scripts/bench_import.sh [households] [province] [engine]     e.g. scripts/bench_import.sh 100000 51 postgres
# engine: sqlite (default) or postgres (DATABASE_URL, or a throwaway cluster; its public schema must be empty).
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-100000}; province=${2:-51}; engine=${3:-sqlite}
swift build -c release --product shouwang >/dev/null
bin=.build/release/shouwang
export LOG_LEVEL=${LOG_LEVEL:-warning} SHOUWANG_SCREENING_HOUR=off
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SHOUWANG_DATA_DIR=$dir
registry="households, members, income_records, guarantee_assessments, department_events, department_batches,
          screening_facts, screening_changes, risk_leads, lead_sources, lead_steps, visits, contact_assignments"
if [[ $engine == postgres ]]; then
  export DATABASE_URL=${DATABASE_URL:-$(scripts/pg_throwaway.sh start | tail -n 1)}
  empty() { psql "$DATABASE_URL" -qc "TRUNCATE $registry CASCADE"; }
else
  empty() {
    local table
    for table in lead_steps lead_sources risk_leads department_events department_batches screening_facts visits \
                 contact_assignments income_records guarantee_assessments members households screening_changes; do
      sqlite3 "$dir/shouwang.sqlite" "DELETE FROM $table"
    done
  }
fi
area="${province}0000000000"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $engine; $households households"
"$bin" generate --households "$households" --province "$province" --department-rows 0 | tail -n 1
/usr/bin/time -f "export: wall %e s, peak RSS %M KiB" "$bin" export --area "$area" --file "$dir/registry.csv"
echo "file: $(du -h "$dir/registry.csv" | cut -f1), $(($(wc -l <"$dir/registry.csv") - 1)) rows"
empty
/usr/bin/time -f "import, all new: wall %e s, peak RSS %M KiB" "$bin" import --file "$dir/registry.csv" --area "$area"
/usr/bin/time -f "import, all unchanged: wall %e s, peak RSS %M KiB" "$bin" import --file "$dir/registry.csv" --area "$area"
if command -v sqlite3 >/dev/null; then scripts/bench_sqlite_import.sh "$dir/registry.csv"; fi

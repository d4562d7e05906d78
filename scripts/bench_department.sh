#!/usr/bin/env bash
# Department import with matching, on a generated registry (SQLite): a medical-insurance file of N rows about
# people of the registry, received as a department account of the province.
#   scripts/bench_department.sh DATA_DIR [rows] [province] [offset]   e.g. scripts/bench_department.sh /tmp/p1m 100000 51 0
# (another offset picks other people, so a second run adds records instead of repeating them)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1; rows=${2:-100000}; province=${3:-51}; offset=${4:-0}
bin=${SHOUWANG_BIN:-.build/release/shouwang}
export SHOUWANG_DATA_DIR=$dir LOG_LEVEL=${LOG_LEVEL:-warning} SHOUWANG_SCREENING_HOUR=off
db=$dir/shouwang.sqlite
csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT
SHOUWANG_NEW_PASSWORD=bench-medical-2026 "$bin" create-user --username bench-medical --name 省医保局 --role department \
  --area "${province}0000000000" --department medicalInsurance >/dev/null 2>&1 || true
members=$(sqlite3 "$db" "SELECT COUNT(*) FROM members")
stride=$(( members / rows > 0 ? members / rows : 1 ))
{
  echo '身份证号*,姓名*,日期*,金额（元）*,说明'
  # a date in the last 300 days and an amount up to 6,000 yuan, drawn from the row number
  sqlite3 -csv "$db" "SELECT id_number, name,
      date('now', '-' || (rowid % 300) || ' days'), printf('%.2f', (rowid * 7919 % 600000) / 100.0), 'bench'
    FROM members WHERE rowid % $stride = $offset % $stride LIMIT $rows"
} >"$csv"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d); $(($(wc -l <"$csv") - 1)) rows, $(du -h "$csv" | cut -f1)"
/usr/bin/time -f "department-import: wall %e s, peak RSS %M KiB" "$bin" department-import --file "$csv" --kind medicalSelfPay --user bench-medical

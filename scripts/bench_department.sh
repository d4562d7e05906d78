#!/usr/bin/env bash
# Department import with matching, on a generated registry: a medical-insurance file of N rows about people of
# the registry, received as a department account of the province (`shouwang department-import`).
#   scripts/bench_department.sh DATA_DIR [rows] [province] [offset] [shift]      SQLite in DATA_DIR
#   scripts/bench_department.sh --postgres [rows] [province] [offset] [shift]    PostgreSQL at DATABASE_URL
# (another offset picks other people, another shift moves their dates by that many days: either way a second run
# adds records instead of repeating them)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1; rows=${2:-100000}; province=${3:-51}; offset=${4:-0}; days=${5:-0}
bin=${SHOUWANG_BIN:-.build/release/shouwang}
export LOG_LEVEL=${LOG_LEVEL:-warning} SHOUWANG_SCREENING_HOUR=off
if [[ $dir == --postgres ]]; then
  : "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
  export SHOUWANG_DATA_DIR=$(mktemp -d)
  query_csv() { psql "$DATABASE_URL" -qtAc "COPY ($1) TO STDOUT WITH (FORMAT csv)"; }
  number="ROW_NUMBER() OVER (ORDER BY id_number)"
  day() { echo "to_char(current_date - ($1)::int, 'YYYY-MM-DD')"; }
  amount() { echo "to_char(($1) / 100.0, 'FM999990.00')"; }
else
  export SHOUWANG_DATA_DIR=$dir
  query_csv() { sqlite3 -csv "$dir/shouwang.sqlite" "$1"; }
  number="rowid"
  day() { echo "date('now', '-' || ($1) || ' days')"; }
  amount() { echo "printf('%.2f', ($1) / 100.0)"; }
fi
csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT
SHOUWANG_NEW_PASSWORD=bench-medical-2026 "$bin" create-user --username bench-medical --name 省医保局 --role department \
  --area "${province}0000000000" --department medicalInsurance >/dev/null 2>&1 || true
members=$(query_csv "SELECT COUNT(*) FROM members")
stride=$(( members / rows > 0 ? members / rows : 1 ))
{
  echo '身份证号*,姓名*,日期*,金额（元）*,说明'
  # a date in the last 300 days and an amount up to 6,000 yuan, drawn from the row number
  query_csv "SELECT id_number, name, $(day "(n + $days) % 300"), $(amount 'n * 7919 % 600000'), 'bench'
    FROM (SELECT $number AS n, id_number, name FROM members) numbered WHERE n % $stride = $offset % $stride LIMIT $rows"
} >"$csv"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d); $(($(wc -l <"$csv") - 1)) rows, $(du -h "$csv" | cut -f1)"
/usr/bin/time -f "department-import: wall %e s, peak RSS %M KiB" "$bin" department-import --file "$csv" --kind medicalSelfPay --user bench-medical

#!/usr/bin/env bash
# The raw SQLite write limit for docs/benchmarks.md: `sqlite3 .import` of a registry CSV into an empty table.
#   scripts/bench_sqlite_import.sh PATH/TO/registry.csv        (needs sqlite3 >= 3.32 and /usr/bin/time)
# The table has one TEXT column per header field (names quoted as they are, e.g. 户编号), no index, no constraint,
# default journal: the floor under any import that also parses, checks and indexes the rows.
set -euo pipefail
csv=${1:?usage: scripts/bench_sqlite_import.sh PATH/TO/registry.csv}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/import.sqlite

# Header -> column list. Assumes header names hold no comma or quote (true of the registry's Chinese names);
# drops a UTF-8 BOM and a CR, and the quotes of a quoted header.
columns=$(head -n 1 "$csv" | sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' | tr ',' '\n' \
  | sed -e 's/^"\(.*\)"$/\1/' -e 's/"/""/g' -e 's/.*/"&" TEXT/' | paste -sd, -)
sqlite3 "$db" "CREATE TABLE registry ($columns);"

# .import runs in one transaction; --skip 1 leaves out the header line.
/usr/bin/time -f %e -o "$dir/seconds" sqlite3 "$db" ".import --csv --skip 1 '$csv' registry"

rows=$(sqlite3 "$db" "SELECT count(*) FROM registry;")
seconds=$(cat "$dir/seconds")
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(head -n 1 "$csv" | tr ',' '\n' | wc -l) columns, $(du -h "$csv" | cut -f1) CSV -> $(du -h "$db" | cut -f1) database"
echo "rows: $rows"
echo "seconds: $seconds"
awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "rows/s: %s\n", (s > 0) ? sprintf("%.0f", r / s) : "n/a (under 0.01 s)" }'

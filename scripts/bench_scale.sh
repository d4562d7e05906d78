#!/usr/bin/env bash
# Province scale on SQLite: generates a synthetic registry on every township of a province and screens it.
#   scripts/bench_scale.sh [households] [province]      e.g. scripts/bench_scale.sh 1000000 51
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-1000000}
province=${2:-51}
swift build -c release --product shouwang >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SHOUWANG_DATA_DIR=$dir LOG_LEVEL=warning SHOUWANG_SCREENING_HOUR=off
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $households households in province $province"
/usr/bin/time -f "generate: wall %e s, peak RSS %M KiB" .build/release/shouwang generate --households "$households" --province "$province"
echo "database: $(du -h "$dir/shouwang.sqlite" | cut -f1)"
/usr/bin/time -f "screen --dry-run (whole province): wall %e s, peak RSS %M KiB" \
  .build/release/shouwang screen --area "${province}0000000000" --dry-run

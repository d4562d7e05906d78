#!/usr/bin/env bash
# Times a full screening run of the demo county (release build, SQLite), for docs/benchmarks.md.
#   scripts/bench_screening.sh [households]
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-20000}
swift build -c release --product shouwang >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SHOUWANG_DATA_DIR=$dir LOG_LEVEL=warning SHOUWANG_SCREENING_HOUR=off
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $households households"
.build/release/shouwang demo --households "$households" --prepare-only
for mode in --dry-run ""; do
  /usr/bin/time -f "screen ${mode:-(files leads)}: wall %e s, peak RSS %M KiB" .build/release/shouwang screen --area 512002000000 $mode
done

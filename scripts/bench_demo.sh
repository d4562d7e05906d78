#!/usr/bin/env bash
# Times building the demo county from an empty SQLite file, with peak memory, for docs/benchmarks.md.
#   scripts/bench_demo.sh [households] [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-20000}
config=${2:-release}
swift build -c "$config" --product shouwang >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); $(date -u +%Y-%m-%d)"
SHOUWANG_DATA_DIR=$dir LOG_LEVEL=warning /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
  ".build/$config/shouwang" demo --households "$households" --prepare-only
echo "database: $(du -h "$dir/shouwang.sqlite" | cut -f1)"

#!/usr/bin/env bash
# Two builds of `shouwang` side by side on the same demo county, for a change that should not move the figures
# (a refactor): the county's screening (dry run, then real) and the page times of scripts/bench_pages.sh, each
# binary in turn on one SQLite data directory. The two builds must share the schema (no migration between them).
#   scripts/bench_before_after.sh OLD_BINARY NEW_BINARY [households] [--runs 3]
# Example: git worktree add /tmp/before <commit> && (cd /tmp/before && swift build --product shouwang)
#          scripts/bench_before_after.sh /tmp/before/.build/debug/shouwang .build/debug/shouwang 20000
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench_before_after.sh OLD_BINARY NEW_BINARY [households] [--runs N]}
new=${2:?usage: bench_before_after.sh OLD_BINARY NEW_BINARY [households] [--runs N]}
households=${3:-20000}
runs=3
[ "${4:-}" = --runs ] && runs=${5:?}
for binary in "$old" "$new"; do [ -x "$binary" ] || { echo "no binary at $binary" >&2; exit 2; }; done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SHOUWANG_DATA_DIR=$dir LOG_LEVEL=warning SHOUWANG_SCREENING_HOUR=off
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1 /proc/loadavg); $households households"
"$new" demo --households "$households" --prepare-only >/dev/null
for round in $(seq 1 "$runs"); do
  for binary in "$old" "$new"; do
    label=$([ "$binary" = "$old" ] && echo old || echo new)
    for mode in --dry-run ""; do
      /usr/bin/time -f "round $round $label screen ${mode:-(real)}: wall %e s, peak RSS %M KiB" \
        "$binary" screen --area 512002000000 $mode >/dev/null
    done
  done
done
for binary in "$old" "$new"; do
  echo "== pages, $([ "$binary" = "$old" ] && echo old || echo new): $binary"
  scripts/bench_pages.sh "$dir" "$binary" --runs "$runs"
done

#!/usr/bin/env bash
# Times `flowcost validate DIR` over 300 generated state machine definitions (10 to 40 states each), JVM start
# included: one untimed run (it builds the cli jar when needed), then RUNS (5) timed runs; prints each and the median.
# Issue target: under 3 s wall.   Usage: bench/scripts/validate-300.sh   (env: FLOWCOST, RUNS)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_bench_jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
generate asl 300 "$work/defs"
echo "generated $(ls "$work/defs" | wc -l) definitions ($(du -sh "$work/defs" | cut -f1)) in $work/defs"

timed "$work/out.txt" "$flowcost" validate "$work/defs"
echo "warm-up run: exit $last_rc"
times=()
for i in $(seq "$runs"); do
  timed "$work/out.txt" "$flowcost" validate "$work/defs"
  times+=("$last_secs")
  echo "run $i: ${last_secs} s wall, peak RSS ${last_rss} KB, exit $last_rc"
done
echo "last run's output tail:"
tail -n 3 "$work/out.txt" | sed 's/^/  /'
echo "median of $runs runs: $(median "${times[@]}") s wall (target < 3 s)"

#!/usr/bin/env bash
# Times `flowcost report DIR --workload W --out OUT` over 200 generated state machines, JVM start included: one
# untimed run (it builds the cli jar when needed), then RUNS (5) timed runs; prints each, the median wall time and
# the peak RSS (from GNU time when installed). Then writes reports for 50, 100 and 200 workflows and prints the
# report sizes, which should grow linearly.   Usage: bench/scripts/report-200.sh   (env: FLOWCOST, RUNS)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_bench_jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 50 100 200; do
  generate estate "$n" "$work/in-$n" "$work/workload-$n.yaml"
done
echo "generated 200 definitions and $work/workload-200.yaml"

report() { # report N OUT
  timed "$work/out.txt" "$flowcost" report "$work/in-$1" --workload "$work/workload-$1.yaml" --out "$2"
}

report 200 "$work/warm"
echo "warm-up run: exit $last_rc"
if [ "$last_rc" -ne 0 ]; then tail -n 5 "$work/out.txt" | sed 's/^/  /'; fi
times=()
peak=0
for i in $(seq "$runs"); do
  rm -rf "$work/out-200"
  report 200 "$work/out-200"
  times+=("$last_secs")
  if [ "$last_rss" != "-" ] && [ "$last_rss" -gt "$peak" ]; then peak="$last_rss"; fi
  echo "run $i: ${last_secs} s wall, peak RSS ${last_rss} KB, exit $last_rc"
done
echo "median of $runs runs: $(median "${times[@]}") s wall"
if [ "$peak" -gt 0 ]; then echo "peak RSS over the runs: $((peak / 1024)) MB"; fi

echo "report sizes by workflows (bytes):"
printf '  %-10s' "workflows"
for f in report.html report.xlsx findings.csv costs.csv analysis.json total; do printf ' %14s' "$f"; done
echo
for n in 50 100 200; do
  rm -rf "$work/size-$n"
  report "$n" "$work/size-$n"
  printf '  %-10s' "$n"
  for f in report.html report.xlsx findings.csv costs.csv analysis.json; do
    if [ -f "$work/size-$n/$f" ]; then printf ' %14s' "$(stat -c %s "$work/size-$n/$f")"; else printf ' %14s' "-"; fi
  done
  printf ' %14s\n' "$(cat "$work/size-$n"/* 2>/dev/null | wc -c)"
done

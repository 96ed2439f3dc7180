#!/usr/bin/env bash
# Times the whole commands of issue 13, JVM start included: `flowcost reconcile` of 50 state machines and 3 MWAA
# environments against a CUR 2.0 Parquet file of ROWS (10,000,000) line items written by DuckDB itself (COPY ... TO,
# through ReconcileBenchmark.writeBill), and `flowcost calibrate` of a definition and HISTORIES (10,000)
# get-execution-history files of 52 events (CalibrateBenchmark's). One untimed run each (it builds the cli jar when
# needed), then RUNS (3) timed runs; prints each, the medians and the peak RSS (from GNU time when installed).
# Targets: reconcile < 30 s, calibrate < 10 s on 2 cores.
# Usage: bench/scripts/reconcile-calibrate.sh   (env: FLOWCOST, RUNS, ROWS, HISTORIES)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${RUNS:-3}"
rows="${ROWS:-10000000}"
histories="${HISTORIES:-10000}"

ensure_bench_jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
generate bill "$rows" "$work/bill"
generate histories "$histories" "$work/cal"
echo "generated $work/bill/cur.parquet ($(stat -c %s "$work/bill/cur.parquet") bytes, $rows line items) and $histories histories"

reconcile() {
  timed "$work/reconcile.txt" "$flowcost" reconcile "$work/bill/machines" "$work/bill/dags" \
    --workload "$work/bill/workload.yaml" --bill "$work/bill/cur.parquet" --format json
}
calibrate() {
  rm -f "$work/cal/w.yaml"
  timed "$work/calibrate.txt" "$flowcost" calibrate "$work/cal/pay.asl.json" "$work/cal/histories" --out "$work/cal/w.yaml"
}

measure() { # measure NAME: warm-up, then $runs timed runs of the function NAME
  local name="$1" times=() peak=0
  "$name"
  echo "$name warm-up run: exit $last_rc"
  if [ "$last_rc" -ne 0 ]; then tail -n 5 "$work/$name.txt" | sed 's/^/  /'; fi
  for i in $(seq "$runs"); do
    "$name"
    times+=("$last_secs")
    if [ "$last_rss" != "-" ] && [ "$last_rss" -gt "$peak" ]; then peak="$last_rss"; fi
    echo "$name run $i: ${last_secs} s wall, peak RSS ${last_rss} KB, exit $last_rc"
  done
  echo "$name median of $runs runs: $(median "${times[@]}") s wall$([ "$peak" -gt 0 ] && echo ", peak RSS $((peak / 1024)) MB")"
}

measure reconcile
grep -c '"kind"' "$work/reconcile.txt" | sed 's/^/reconcile rows in the JSON: /'
measure calibrate
grep -c 'calibrated' "$work/cal/w.yaml" | sed 's/^/calibrated keys: /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

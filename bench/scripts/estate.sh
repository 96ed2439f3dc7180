#!/usr/bin/env bash
# Times issue 14's estate: `flowcost report` over MACHINES (10,000) generated state machines of 25 states and DAGS
# (500) DAGs of 12 tasks on ENVIRONMENTS (20) MWAA environments (GenerateInputs estate), with the heap capped at
# HEAP (1g), JVM start included. One timed run a round, RUNS (1) rounds: prints the wall time, peak RSS, exit code
# and each output's size, then, when Chromium is installed (/usr/bin/chromium, Debian's package), how long headless
# Chromium takes to load and lay out report.html (--dump-dom of the page, median of 3, browser start included, and
# the same for an empty page to subtract the start).
# Targets: < 60 s on 2 cores, RSS < 1.5 GB, report.html < 10 MB.
# Usage: bench/scripts/estate.sh   (env: FLOWCOST, RUNS, MACHINES, DAGS, ENVIRONMENTS, HEAP, KEEP=1 keeps the files)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${RUNS:-1}"
machines="${MACHINES:-10000}"
dags="${DAGS:-500}"
environments="${ENVIRONMENTS:-20}"
heap="${HEAP:-1g}"

ensure_bench_jar
[ -f "$root/cli/target/flowcost.jar" ] || "$flowcost" --version >/dev/null
work="$(mktemp -d)"
if [ "${KEEP:-0}" = 1 ]; then echo "files kept in $work"; else trap 'rm -rf "$work"' EXIT; fi
generate estate "$machines" "$work/in" "$work/workload.yaml" --dags "$dags" --environments "$environments" --tasks 12 >/dev/null
echo "generated $machines state machines and $dags DAGs on $environments environments ($(du -sh "$work/in" | cut -f1))"

times=()
for i in $(seq "$runs"); do
  rm -rf "$work/out"
  FLOWCOST_JAVA_OPTS="-Xmx$heap -XX:TieredStopAtLevel=1 -XX:+UseParallelGC" \
    timed "$work/report.txt" "$flowcost" report "$work/in" --workload "$work/workload.yaml" --out "$work/out"
  times+=("$last_secs")
  echo "report run $i (-Xmx$heap): ${last_secs} s wall, peak RSS $([ "$last_rss" = - ] && echo - || echo "$((last_rss / 1024)) MB"), exit $last_rc"
  if [ "$last_rc" -ne 0 ]; then grep -v 'ASL-STATE-UNREACHABLE' "$work/report.txt" | tail -n 5 | sed 's/^/  /'; fi
done
echo "report median of $runs run(s): $(median "${times[@]}") s wall"
if [ -d "$work/out" ]; then
  for f in "$work"/out/*; do
    if [ -d "$f" ]; then
      echo "  $(basename "$f")/: $(find "$f" -type f | wc -l) files, $(du -sh "$f" | cut -f1)"
    else
      echo "  $(basename "$f"): $(stat -c %s "$f") bytes"
    fi
  done
fi

chromium_ms() { # chromium_ms FILE: milliseconds for headless Chromium to load FILE and print its DOM
  local profile; profile="$(mktemp -d)"
  local start end
  start="$(date +%s%N)"
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --dump-dom "file://$1" >/dev/null 2>&1 || true
  end="$(date +%s%N)"
  rm -rf "$profile"
  echo $(((end - start) / 1000000))
}
if [ -x /usr/bin/chromium ] && [ -f "$work/out/report.html" ]; then
  echo '<!doctype html><title>empty</title>' > "$work/empty.html"
  page=() empty=()
  for i in 1 2 3; do page+=("$(chromium_ms "$work/out/report.html")"); empty+=("$(chromium_ms "$work/empty.html")"); done
  echo "headless Chromium, report.html: median $(median "${page[@]}") ms (runs: ${page[*]}); an empty page: median $(median "${empty[@]}") ms"
else
  echo "headless Chromium: not installed (apt-get install chromium), render time not measured"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Shared helpers for the timing scripts (sourced, not run).
# FLOWCOST overrides the command timed (default: the repository's ./flowcost); RUNS the number of timed runs (5).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
flowcost="${FLOWCOST:-$root/flowcost}"
runs="${RUNS:-5}"
bench_jar="$root/bench/target/benchmarks.jar"

# Builds the benchmarks jar (which holds the input generator) when it is missing.
ensure_bench_jar() {
  if [ ! -f "$bench_jar" ]; then
    echo "building $bench_jar ..." >&2
    (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
  fi
}

# generate ARGS...: runs dev.flowcost.bench.GenerateInputs.
generate() {
  java -cp "$bench_jar" dev.flowcost.bench.GenerateInputs "$@"
}

# timed OUTFILE CMD...: runs CMD with output to OUTFILE and sets last_secs (wall seconds), last_rss (peak RSS in
# KB, "-" when GNU time is missing) and last_rc (CMD's exit code; a failing CMD does not stop the script).
timed() {
  local out="$1"; shift
  local tfile; tfile="$(mktemp)"
  if [ -x /usr/bin/time ]; then
    set +e; /usr/bin/time -o "$tfile" -f '%e %M' "$@" >"$out" 2>&1; last_rc=$?; set -e
    read -r last_secs last_rss < <(tail -n 1 "$tfile")
  else
    local start end
    start="$(date +%s.%N)"
    set +e; "$@" >"$out" 2>&1; last_rc=$?; set -e
    end="$(date +%s.%N)"
    last_secs="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')"
    last_rss="-"
  fi
  rm -f "$tfile"
}

# median N...: the median of the numbers given.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

#!/usr/bin/env bash
# Measures flowcost's validate verdicts on a corpus of state machine definitions.
#   scripts/validate-corpus.sh DIR [VERDICTS.tsv]
# DIR holds definitions (any layout validate accepts). VERDICTS.tsv, when given, has one line per file:
#   <path relative to DIR><TAB>accepted|rejected
# (the Step Functions service's verdict, e.g. from `aws stepfunctions validate-state-machine-definition`). Prints the
# files read, the share flowcost rejects, and with verdicts the agreement, false rejections (flowcost refuses what
# the service accepts: the case that must stay at zero) and false acceptances, then the most frequent error kinds.
# Needs python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(cd "$1" && pwd)"
verdicts="${2:-}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$root/flowcost" validate --format json "$dir" >"$out" 2>/dev/null || true
python3 - "$out" "$dir" "$verdicts" <<'PY'
import collections, json, os, re, sys
report, base, verdicts = sys.argv[1], sys.argv[2], sys.argv[3]
files = json.load(open(report))["files"]
rel = lambda f: os.path.relpath(os.path.abspath(f), base)
ours = {rel(f["file"]): f["valid"] for f in files}
print(f"files read: {len(ours)}; flowcost rejects {sum(not v for v in ours.values())} "
      f"({100.0 * sum(not v for v in ours.values()) / max(1, len(ours)):.1f} %)")
if verdicts:
    service = {}
    for line in open(verdicts):
        if line.strip() and not line.startswith("#"):
            path, verdict = line.rstrip("\n").split("\t")[:2]
            service[path] = verdict.strip() == "accepted"
    both = [p for p in service if p in ours]
    agree = sum(ours[p] == service[p] for p in both)
    false_reject = [p for p in both if service[p] and not ours[p]]
    false_accept = [p for p in both if not service[p] and ours[p]]
    print(f"with a service verdict: {len(both)}; agreement {100.0 * agree / max(1, len(both)):.1f} %; "
          f"false rejections {len(false_reject)}; false acceptances {len(false_accept)}")
    for p in false_reject:
        print(f"  flowcost rejects, the service accepts: {p}")
kinds = collections.Counter()
for f in files:
    for d in f["diagnostics"]:
        if d["severity"] == "error":
            kinds[re.sub(r'"[^"]*"', '"…"', d["message"]).split(";")[0]] += 1
for kind, n in kinds.most_common(15):
    print(f"{n:6d}  {kind}")
PY

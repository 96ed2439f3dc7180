#!/usr/bin/env bash
# Runs flowcost on the hostile inputs of the hardening review (issue 15) and checks each ends as it must:
# exit 0 or 3 (never 1, the budget code, nor 4, an internal error), within 30 s, with a 1 GB heap, and never
# quoting a file it refused. Prints one line a case and exits 1 when any case fails.
# Usage: scripts/hostile-inputs.sh            (FLOWCOST=... to time another build; KEEP=1 keeps the work folder)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
flowcost="${FLOWCOST:-$root/flowcost}"
export FLOWCOST_JAVA_OPTS="${FLOWCOST_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1}"
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
"$flowcost" --version >/dev/null 2>&1 || { echo "cannot run $flowcost" >&2; exit 2; }

failed=0
# case NAME ALLOWED_CODES(e.g. "0 3") [FORBIDDEN_TEXT] -- COMMAND...
case_() {
  local name="$1" allowed="$2" forbidden="$3"; shift 4
  local start end code
  start=$(date +%s.%N)
  timeout 30 "$@" >out.txt 2>err.txt; code=$?
  end=$(date +%s.%N)
  local secs; secs=$(printf '%.1f' "$(echo "$end - $start" | bc)")
  local verdict=ok
  if [ "$code" -eq 124 ]; then verdict="FAIL (timeout)";
  elif ! [[ " $allowed " == *" $code "* ]]; then verdict="FAIL (exit $code, wanted $allowed)";
  elif [ -n "$forbidden" ] && grep -qF -- "$forbidden" out.txt err.txt; then verdict="FAIL (printed '$forbidden')";
  fi
  [ "$verdict" = ok ] || failed=1
  printf '%-58s exit %-3s %6ss  %s\n' "$name" "$code" "$secs" "$verdict"
  if [ "$verdict" != ok ]; then head -c 600 err.txt | sed 's/^/    | /'; fi
}

mkdir -p secret && printf 'root:x:0:0:TOPSECRET-LINE\n' > secret/passwd
mkdir -p sam
for uri in /etc/passwd ../secret/passwd /proc/self/environ /dev/zero; do
  n=$(echo "$uri" | tr -c 'a-z' '_')
  cat > "sam/t$n.yaml" <<EOF
Transform: AWS::Serverless-2016-10-31
Resources:
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: $uri
EOF
  case_ "SAM DefinitionUri $uri" "3" "TOPSECRET-LINE" -- "$flowcost" validate "sam/t$n.yaml"
done
ln -sf "$work/secret/passwd" sam/link.asl.json
cat > sam/tlink.yaml <<'EOF'
Resources:
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: link.asl.json
EOF
case_ "SAM DefinitionUri symlink out of the folder" "3" "TOPSECRET-LINE" -- "$flowcost" validate sam/tlink.yaml
case_ "/dev/zero as an input" "3" "" -- "$flowcost" validate /dev/zero
mkfifo fifo.asl.json
case_ "a FIFO named on the command line" "3" "" -- "$flowcost" validate fifo.asl.json

python3 - <<'PY'
import json
n = 4000
lines = ["from airflow import DAG", "from airflow.operators.bash import BashOperator", "import pendulum",
         "with DAG('chain4000', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:"]
for i in range(n):
    lines.append(f"    t{i} = BashOperator(task_id='t{i}', bash_command='true')")
for i in range(n - 1):
    lines.append(f"    t{i} >> t{i+1}")
open("chain4000.py", "w").write("\n".join(lines) + "\n")
states = {}
n = 20000
for i in range(n):
    s = {"Type": "Pass"}
    if i < n - 1: s["Next"] = f"S{i+1}"
    else: s["End"] = True
    states[f"S{i}"] = s
open("big20000.asl.json", "w").write(json.dumps({"StartAt": "S0", "States": states}))
retry = {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
         "Parameters": {"FunctionName": "f"}, "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 99999999}],
         "End": True}}}
open("retry.asl.json", "w").write(json.dumps(retry))
loop = {"StartAt": "Work", "States": {
  "Work": {"Type": "Pass", "Next": "Done?"},
  "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": True, "Next": "End"}], "Default": "Work"},
  "End": {"Type": "Succeed"}}}
open("loop.asl.json", "w").write(json.dumps(loop))
long_name = "N" * 40000
open("longname.asl.json", "w").write(json.dumps({"StartAt": long_name, "States": {long_name: {"Type": "Pass", "End": True}}}))
esc = "A\u001b[2JB\u0007"
open("esc.asl.json", "w").write(json.dumps({"StartAt": esc, "States": {esc: {"Type": "Pass", "End": True}}}))
open("typo.asl.json", "w").write(json.dumps({"StartAt": "T", "States": {"T": {"Type": "Task",
     "Resource": "arn:aws:states:::lambda:invoke", "Retyr": [{"ErrorEquals": ["States.ALL"]}], "End": True}}}))
open("comprehension.py", "w").write("""from airflow import DAG
from airflow.operators.empty import EmptyOperator
import pendulum
BIG = [i for i in range(12000)]
with DAG('four_tasks', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:
    for i in range(4):
        EmptyOperator(task_id=f'task_{i}')
""")
open("fast.py", "w").write("""from airflow import DAG
from airflow.operators.empty import EmptyOperator
from datetime import timedelta
import pendulum
with DAG('too_fast', schedule=timedelta(milliseconds=1), start_date=pendulum.datetime(2024, 1, 1)) as dag:
    EmptyOperator(task_id='a')
""")
open("cycle.py", "w").write("""from airflow import DAG
from airflow.operators.empty import EmptyOperator
import pendulum
with DAG('cyclic', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:
    a = EmptyOperator(task_id='a')
    b = EmptyOperator(task_id='b')
    a >> b >> a
""")
open("cycle.dot", "w").write('digraph cyclic { a -> b; b -> a; }\n')
open("latin1.py", "wb").write("# -*- coding: latin-1 -*-\n# Caf\xe9\nfrom airflow import DAG\nfrom airflow.operators.empty import EmptyOperator\nimport pendulum\nwith DAG('latin', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:\n    EmptyOperator(task_id='caf\xe9')\n".encode("latin-1"))
open("weird_ids.py", "w").write("""from airflow import DAG
from airflow.operators.bash import BashOperator
import pendulum
with DAG('weird', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:
    BashOperator(task_id='1e3', bash_command='x') >> BashOperator(task_id='.inf', bash_command='x') >> BashOperator(task_id='yes', bash_command='x')
""")
PY
cat > retry.yaml <<'EOF'
workflows:
  retry:
    states:
      T: {failureRate: 1}
EOF
cat > loop.yaml <<'EOF'
workflows:
  loop:
    states:
      "Done?": {branches: {"0": 0.000000001, "Default": 0.999999999}}
EOF
printf 'executionsPerMonth: 1.79e308\n' > huge.yaml
printf 'executionsPerMonth: 1e300\n' > big.yaml
printf 'executionsPerMonth: 10\n---\nexecutionsPerMonth: 20\n' > twodocs.yaml
printf 'executionsPerMonth: 10\nstates:\n  Work: &fast {durationSeconds: 0.1}\n  End: *fast\n' > anchors.yaml
python3 -c "
import sys
with open('huge-workload.yaml','w') as f:
    f.write('workflows:\n')
    for i in range(1100000): f.write(f'  w{i}: {{executionsPerMonth: {i}}}\n')
"
printf 'region,service,dimension,unit,price,tier_start,tier_end,effective_date,source\nus-east-1,states-standard,no-such-dimension,transition,0.1,0,,2026-01-01,test\n' > nothing.csv

case_ "4,000-task chain DAG: inspect" "0" "" -- "$flowcost" inspect chain4000.py
case_ "4,000-task chain DAG: advise" "0" "" -- "$flowcost" advise chain4000.py
case_ "4,000-task chain DAG: convert" "0" "" -- "$flowcost" convert chain4000.py -o chain.asl.json
case_ "20,000-state definition: simulate" "0" "" -- "$flowcost" simulate big20000.asl.json
case_ "20,000-state definition: advise" "0" "" -- "$flowcost" advise big20000.asl.json
case_ "Retry MaxAttempts 99999999, failureRate 1: advise" "0 3" "" -- "$flowcost" advise retry.asl.json -w retry.yaml
case_ "Retry MaxAttempts 99999999, failureRate 1: simulate" "0 3" "" -- "$flowcost" simulate retry.asl.json -w retry.yaml
case_ "Choice loop with exit weight 1e-9: simulate" "0 3" "" -- "$flowcost" simulate loop.asl.json -w loop.yaml
case_ "executionsPerMonth 1.79e308" "3" "" -- "$flowcost" advise loop.asl.json -w huge.yaml
case_ "executionsPerMonth 1e300" "3" "" -- "$flowcost" advise loop.asl.json -w big.yaml
case_ "schedule=timedelta(milliseconds=1)" "0 3" "" -- "$flowcost" advise fast.py
case_ "workload of over 30 MB" "3" "" -- "$flowcost" advise loop.asl.json -w huge-workload.yaml
case_ "workload with a second YAML document" "3" "" -- "$flowcost" advise loop.asl.json -w twodocs.yaml
case_ "workload with YAML anchors" "0" "" -- "$flowcost" advise loop.asl.json -w anchors.yaml
case_ "--keep-going with a failed input" "3" "" -- "$flowcost" advise loop.asl.json typo.asl.json --keep-going
case_ "convert of a cyclic DAG" "3" "" -- "$flowcost" convert cycle.py
case_ "inspect of a cyclic DOT" "3" "" -- "$flowcost" inspect cycle.dot
case_ "price override that overrides nothing (warned)" "0" "" -- "$flowcost" advise loop.asl.json --prices nothing.csv
grep -q "no-such-dimension" err.txt || { echo "    | the unused price row was not named in a warning"; failed=1; }
case_ "module-level comprehension of 12,000 entries" "0" "" -- "$flowcost" inspect comprehension.py --format json
grep -q "task_3" out.txt || { echo "    | the DAG's fourth task is missing"; failed=1; }
case_ "misspelt Retry field" "3" "" -- "$flowcost" validate typo.asl.json
grep -q "Retry" err.txt out.txt || { echo "    | no did-you-mean Retry"; failed=1; }
case_ "Latin-1 Python file with a PEP 263 line" "0" "" -- "$flowcost" inspect latin1.py
case_ "convert --format yaml of ids 1e3, .inf, yes" "0" "" -- "$flowcost" convert weird_ids.py --format yaml -o weird.asl.yaml
case_ "... and its YAML output reads back" "0" "" -- "$flowcost" validate weird.asl.yaml
# State names over 80 characters are an input error (spec "States"), so 3 is right; never 4 from the cell limit.
case_ "40,000-character state name: report" "0 3" "" -- "$flowcost" report longname.asl.json --out longname-report
case_ "control characters in a state name: inspect/validate" "0" "" -- "$flowcost" simulate esc.asl.json
if grep -q $'\x1b' out.txt err.txt; then echo "    | raw ESC reached the terminal"; failed=1; fi
case_ "bundled glue-poller: advise" "0" "" -- "$flowcost" advise "$root/examples/glue-poller.asl.json"
# a free-tier credit is negative by definition (it is subtracted); every other amount must not be
if grep -v "free tier" out.txt | grep -E -- '-\$[0-9]' >/dev/null; then echo "    | a negative amount is shown"; failed=1; fi

[ "$failed" -eq 0 ] && echo "all hostile cases ended as they must" || echo "some hostile cases failed"
exit "$failed"

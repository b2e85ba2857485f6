#!/usr/bin/env bash
# The calibration and suite flows of scripts/slurm/ on a single-node Slurm
# cluster started for this test (local_cluster.sh, in its own state folder and
# ports, stopped at the end): the merged model is byte-identical to one
# record-minmax run; the merged suite report equals the unsharded verify's but
# for timings, also when a case fails; a failing shard keeps the merge job from
# running and makes calibrate.sh / suite.sh exit non-zero naming the shard's log.
# Usage: slurm_test.sh QGOLD SOURCE_DIR   (exit 77 = skipped: not root)
set -u
qgold=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: the local Slurm cluster needs root (apt-get, and slurmd starts jobs as their users); CI runs as root"
  exit 77
fi

tmp=$(mktemp -d) # short: munged and slurmd put UNIX sockets in the state folder
chmod 755 "$tmp" # munged wants its socket folder and those above it open to all
# Two free ports, so that test runs of several checkouts on one machine do not meet.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${QGOLD_SLURM_TEST_PORT:-}
while [ -z "$port" ] || listening "$port" || listening $((port + 1)); do
  port=$((20000 + RANDOM % 6000 * 2)) # below the ephemeral ports (32768 up)
done
export QGOLD_SLURM_DIR=$tmp/cluster QGOLD_SLURM_PORT=$port
export QGOLD_SLURM_POLL=0.5
cleanup() {
  "$here/local_cluster.sh" stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

start=$SECONDS
"$here/local_cluster.sh" start >start.out 2>&1 || {
  cat start.out
  echo "FAIL: the local cluster did not start"
  exit 1
}
echo "cluster up in $((SECONDS - start)) s (package installation included)"
export SLURM_CONF=$QGOLD_SLURM_DIR/slurm.conf
pids=$(cat "$QGOLD_SLURM_DIR"/run/*.pid)
"$here/local_cluster.sh" start >/dev/null 2>&1 || fail "a second start failed"
[ "$(cat "$QGOLD_SLURM_DIR"/run/*.pid)" = "$pids" ] || fail "a second start restarted running daemons"
"$here/local_cluster.sh" status >status.out || fail "status of a running cluster is not 0: $(cat status.out)"

"$qgold" build "$src/recipes/Net_ResidualBlock_000.yaml" -o model.circle >/dev/null || fail "cannot build the model"
"$qgold" gen-data model.circle --records 9 --seed 2 -o data.h5 >/dev/null || fail "cannot generate data"
"$qgold" record-minmax model.circle --data data.h5 --mode moving_average --moving-avg-batch 2 \
  -o single.circle >/dev/null 2>&1 || fail "record-minmax failed"

flow=$SECONDS
"$here/calibrate.sh" --model model.circle --data data.h5 --shards 3 --work ok -o sharded.circle --qgold "$qgold" \
  --wait -- --mode moving_average --moving-avg-batch 2 >ok.out 2>&1 || fail "the calibration flow failed: $(cat ok.out)"
echo "3 shards and a merge in $((SECONDS - flow)) s"
cmp -s single.circle sharded.circle || fail "the model calibrated on Slurm differs from the single-process one"
for k in 0 1 2; do
  grep -qF "shard $k/3" "ok/logs/shard-$k.log" || fail "ok/logs/shard-$k.log does not show shard $k/3"
done
grep -qF "wrote $tmp/sharded.circle (9 records from 3 partials)" ok/logs/merge.log ||
  fail "merge log: $(cat ok/logs/merge.log)"

# Record 3 of 6 (in shard 1/3) has a NaN input: that shard fails, the merge must not run.
input=$("$qgold" inspect model.circle | sed -n 's/^inputs \[\([0-9]*\)\]$/\1/p')
size=$("$qgold" inspect model.circle | sed -n "s/^  T$input '[^']*' FLOAT32 \[\([0-9,]*\)\].*/\1/p" |
  awk -F, '{ n = 1; for (i = 1; i <= NF; i++) n *= $i; print n }')
mkdir text
for r in 0 1 2 3 4 5; do
  awk -v n="${size:-1}" -v r="$r" 'BEGIN { for (i = 0; i < n; i++) printf "%s%g", (i ? "," : ""), (i + r) % 5 - 2; print "" }' \
    >"text/$r.txt"
done
sed -i 's/^[^,]*/nan/' text/3.txt
"$here/calibrate.sh" --model model.circle --data text --shards 3 --work bad -o failed.circle --qgold "$qgold" \
  --wait >bad.out 2>&1
status=$?
[ "$status" -ne 0 ] || fail "calibrate.sh exited 0 though shard 1 failed"
grep -qF "shard 1/3 failed with exit status 2: $tmp/bad/logs/shard-1.log" bad.out ||
  fail "calibrate.sh does not name the failed shard's log: $(cat bad.out)"
grep -qF "3.txt: input 0" bad.out || fail "calibrate.sh does not show the shard's error: $(cat bad.out)"
grep -qE "shard (0|2)/3 failed" bad.out && fail "calibrate.sh blames a shard that succeeded: $(cat bad.out)"
[ ! -e bad/logs/merge.log ] || fail "the merge job ran after a failed shard: $(cat bad/logs/merge.log)"
[ ! -e failed.circle ] || fail "a failed flow wrote failed.circle"
merge_job=$(sed -n 's/.*merge: job \([0-9]*\);.*/\1/p' bad.out)
scontrol show job "$merge_job" 2>/dev/null | grep -q "JobState=CANCELLED" ||
  fail "merge job $merge_job was not cancelled: $(scontrol show job "$merge_job" 2>&1 | grep JobState)"

# The suite flow on a copy of two recipes of the bundled suite (8 cases, 3 shards).
suite=$tmp/suite
mkdir -p "$suite/recipes" "$suite/test_inputs" "$suite/expected_outputs"
for r in Add_000 Conv2D_001; do
  cp "$src/recipes/$r.yaml" "$suite/recipes/"
  cp -r "$src/test_inputs/$r"* "$suite/test_inputs/"
  cp -r "$src/expected_outputs/$r"* "$suite/expected_outputs/"
done
untimed_json() { sed -E '/^ *"seconds": /d' "$1"; }
untimed_xml() { sed -E 's/ time="[^"]*"//' "$1"; }
same_reports() { # same_reports A B WHAT: A.{json,xml} and B.{json,xml} equal but for timings
  cmp -s <(untimed_json "$1.json") <(untimed_json "$2.json") || fail "$3: the merged JSON report differs"
  cmp -s <(untimed_xml "$1.xml") <(untimed_xml "$2.xml") || fail "$3: the merged JUnit report differs"
}
# The shard of case $1 among 3.
shard_of() {
  local k
  for k in 0 1 2; do
    "$qgold" verify --suite "$suite" --shard "$k/3" "$1" 2>/dev/null | grep -q '^shard ./3: 1 of 1' && echo "$k"
  done
}
"$qgold" verify --suite "$suite" --json full.json --junit full.xml >/dev/null || fail "verify of the suite copy failed"
flow=$SECONDS
"$here/suite.sh" --suite "$suite" --shards 3 --work sok --json sok.json --junit sok.xml --qgold "$qgold" --wait \
  >sok.out 2>&1 || fail "the suite flow failed: $(cat sok.out)"
echo "suite: 3 shards and a merge in $((SECONDS - flow)) s"
same_reports full sok "3 shards on Slurm"
grep -qE "^suite.sh: [1-9][0-9]* passed, 0 failed \(suite $suite\); wrote $tmp/sok.json" sok.out || fail "suite.sh: $(cat sok.out)"

# A moved zero point: its shard exits 1 but wrote its report, the merge runs and
# reports the failure as the unsharded run does, and suite.sh exits 1.
golden=$suite/expected_outputs/Conv2D_001/channel/uint8/quantization/ofm.json
sed -i 's/"zero_point": 0/"zero_point": 3/' "$golden"
"$qgold" verify --suite "$suite" --json bad-full.json --junit bad-full.xml >/dev/null
k=$(shard_of Conv2D_001/channel/uint8)
"$here/suite.sh" --suite "$suite" --shards 3 --work smis --json smis.json --junit smis.xml --qgold "$qgold" --wait \
  >smis.out 2>&1 && fail "suite.sh exited 0 though a case failed"
same_reports bad-full smis "a failing case on Slurm"
grep -qF "suite.sh: failures in $tmp/smis/logs/shard-$k.log" smis.out || fail "suite.sh does not name shard $k's log: $(cat smis.out)"
grep -qE "^suite.sh: [0-9]+ passed, 1 failed" smis.out || fail "suite.sh: $(cat smis.out)"
grep -qF "  | FAIL Conv2D_001/channel/uint8 quantization ofm zero_point[0] expected 3 got 0" smis.out ||
  fail "suite.sh does not show the failure: $(cat smis.out)"
sed -i 's/"zero_point": 3/"zero_point": 0/' "$golden"

# A NaN in an input of one case: its shard cannot verify (exit 2), the merge must not run.
k=$(shard_of Add_000/layer/uint8)
sed -i '1s/^[^,]*/nan/' "$suite/test_inputs/Add_000/layer/uint8/0.txt"
"$here/suite.sh" --suite "$suite" --shards 3 --work sbad --json sbad.json --qgold "$qgold" --wait >sbad.out 2>&1 &&
  fail "suite.sh exited 0 though shard $k failed"
grep -qF "shard $k/3 failed with exit status 2: $tmp/sbad/logs/shard-$k.log" sbad.out ||
  fail "suite.sh does not name the failed shard's log: $(cat sbad.out)"
grep -qE "shard [0-9]/3 failed" <(grep -v "shard $k/3" sbad.out) && fail "suite.sh blames a shard that succeeded: $(cat sbad.out)"
[ ! -e sbad/logs/merge.log ] || fail "the merge job ran after a failed shard: $(cat sbad/logs/merge.log)"
[ ! -e sbad.json ] || fail "a failed suite flow wrote sbad.json"
merge_job=$(sed -n 's/.*merge: job \([0-9]*\);.*/\1/p' sbad.out)
scontrol show job "$merge_job" 2>/dev/null | grep -q "JobState=CANCELLED" ||
  fail "suite merge job $merge_job was not cancelled: $(scontrol show job "$merge_job" 2>&1 | grep JobState)"

"$here/local_cluster.sh" stop >/dev/null 2>&1 || fail "stop failed"
"$here/local_cluster.sh" status >/dev/null 2>&1
[ $? -eq 3 ] || fail "status of a stopped cluster is not 3"
"$here/local_cluster.sh" stop >/dev/null 2>&1 || fail "a second stop failed"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "slurm flows: all checks passed in $SECONDS s"

#!/usr/bin/env bash
# The calibration flow of scripts/slurm/ on a single-node Slurm cluster started
# for this test (local_cluster.sh, in its own state folder and ports, stopped at
# the end): the merged model is byte-identical to one record-minmax run, and a
# failing shard keeps the merge job from running and makes calibrate.sh exit
# non-zero naming the shard's log.
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

"$here/local_cluster.sh" stop >/dev/null 2>&1 || fail "stop failed"
"$here/local_cluster.sh" status >/dev/null 2>&1
[ $? -eq 3 ] || fail "status of a stopped cluster is not 3"
"$here/local_cluster.sh" stop >/dev/null 2>&1 || fail "a second stop failed"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "slurm calibration: all checks passed in $SECONDS s"

#!/usr/bin/env bash
# A golden suite verified in N Slurm array tasks (verify --shard K/N), and a
# merge job that joins their reports into the unsharded run's (docs/scale-out.md).
#
# Usage: scripts/slurm/suite.sh --shards N --work DIR [--suite DIR] [--json F] [--junit F]
#                               [--partition P] [--cpus-per-task C] [--time T] [--mem M]
#                               [--max-parallel K] [--qgold PATH] [--wait]
#                               [-- verify options and patterns, e.g. --exact 'Conv2D_*']
#
# Every path must be on a filesystem that all nodes share, under the same name.
# The jobs run only the qgold binary (--qgold, default $QGOLD_BIN, else
# build/bin/qgold of this checkout): shard K runs
#   qgold verify --suite SUITE --shard K/N --jobs C --json DIR/reports/shard-K.json [options]
# and the merge job
#   qgold merge-reports DIR/reports/shard-0.json ... --json F --junit F
# with logs in DIR/logs/shard-K.log and DIR/logs/merge.log. --suite defaults to
# this checkout's bundled suite, --json to DIR/report.json, --junit to DIR/report.xml.
#
# A shard whose cases fail still wrote its report, so the merge runs and the
# merged report shows the failures; a shard that could not verify (bad input,
# internal error, killed) keeps the merge from running.
#
# Defaults from the environment: QGOLD_SLURM_PARTITION (else the cluster's
# default partition), QGOLD_SLURM_CPUS (1), QGOLD_SLURM_TIME, QGOLD_SLURM_MEM,
# QGOLD_SLURM_MAX_PARALLEL, QGOLD_SLURM_SBATCH_ARGS (more sbatch options for
# both jobs, e.g. --account=x), QGOLD_SLURM_POLL (seconds between checks, 2).
#
# Without --wait it prints the job ids and exits. With --wait it returns when
# the flow is over: 0 when every case passed; 1 when a case failed (naming the
# merged report and the logs of the shards that had failures), when a shard
# could not verify (naming its log; the merge did not run) or when the merge
# failed; 2 for bad usage.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
usage() {
  sed -n '5,8p' "$0" | sed 's/^# //' >&2
  echo "suite.sh: $1" >&2
  exit 2
}

shards='' work='' suite=$repo json='' junit='' wait=0
partition=${QGOLD_SLURM_PARTITION:-}
cpus=${QGOLD_SLURM_CPUS:-1}
time_limit=${QGOLD_SLURM_TIME:-}
mem=${QGOLD_SLURM_MEM:-}
max_parallel=${QGOLD_SLURM_MAX_PARALLEL:-}
qgold=${QGOLD_BIN:-$repo/build/bin/qgold}
poll=${QGOLD_SLURM_POLL:-2}
while (($#)); do
  case $1 in
  --shards | --work | --suite | --json | --junit | --partition | --cpus-per-task | --time | --mem | --max-parallel | --qgold)
    (($# >= 2)) || usage "$1 needs a value"
    case $1 in
    --shards) shards=$2 ;;
    --work) work=$2 ;;
    --suite) suite=$2 ;;
    --json) json=$2 ;;
    --junit) junit=$2 ;;
    --partition) partition=$2 ;;
    --cpus-per-task) cpus=$2 ;;
    --time) time_limit=$2 ;;
    --mem) mem=$2 ;;
    --max-parallel) max_parallel=$2 ;;
    --qgold) qgold=$2 ;;
    esac
    shift 2
    ;;
  --wait) wait=1 && shift ;;
  --) shift && break ;;
  *) usage "unknown argument '$1'" ;;
  esac
done
options=("$@")

if [ -z "$shards" ] || [ -z "$work" ]; then
  usage "--shards and --work are required"
fi
[[ $shards =~ ^[1-9][0-9]*$ ]] || usage "--shards '$shards' is not a positive number"
[[ $cpus =~ ^[1-9][0-9]*$ ]] || usage "--cpus-per-task '$cpus' is not a positive number"
[ -d "$suite" ] || usage "$suite: no such suite folder"
[ -x "$qgold" ] || usage "$qgold: no qgold executable (build it, or give --qgold or QGOLD_BIN)"
command -v sbatch >/dev/null || usage "sbatch not found: run on a Slurm submit host (or scripts/slurm/local_cluster.sh start)"

# Absolute paths: the jobs may start in another folder, on another node, and
# merge-reports checks that every shard verified the same suite root.
mkdir -p "$work"/{reports,logs,status}
work=$(realpath "$work") suite=$(realpath "$suite") qgold=$(realpath "$qgold")
json=$(realpath -m "${json:-$work/report.json}") junit=$(realpath -m "${junit:-$work/report.xml}")
for out in "$json" "$junit"; do
  [ -d "$(dirname "$out")" ] || usage "$out: folder $(dirname "$out") does not exist"
done
# A previous run's results must not be taken for this one's.
rm -f "$work"/reports/shard-*.json "$work"/status/*.exit "$json" "$junit"

common=(--parsable)
[ -z "$partition" ] || common+=(--partition="$partition")
[ -z "$time_limit" ] || common+=(--time="$time_limit")
[ -z "$mem" ] || common+=(--mem="$mem")
# shellcheck disable=SC2206 # extra sbatch options are split on blanks on purpose
common+=(${QGOLD_SLURM_SBATCH_ARGS:-})

array=$(sbatch "${common[@]}" --job-name=qgold-suite --cpus-per-task="$cpus" \
  --array="0-$((shards - 1))${max_parallel:+%$max_parallel}" --output="$work/logs/shard-%a.log" \
  "$here/suite_shard.sbatch" "$qgold" "$suite" "$shards" "$work/reports" "$work/status" \
  ${options[@]+"${options[@]}"})
array=${array%%;*}
# --kill-on-invalid-dep: when a shard fails the merge is cancelled instead of pending forever.
merge=$(sbatch "${common[@]}" --job-name=qgold-suite-merge --cpus-per-task=1 --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes --output="$work/logs/merge.log" \
  "$here/suite_merge.sbatch" "$qgold" "$shards" "$work/reports" "$work/status" "$json" "$junit")
merge=${merge%%;*}
echo "suite.sh: shards: job $array (array 0-$((shards - 1))), merge: job $merge; logs in $work/logs"
((wait)) || exit 0

while :; do
  queued=$(squeue -h -j "$array,$merge" -o '%i %r' 2>/dev/null || true)
  [ -n "$queued" ] || break
  if grep -q "^$merge DependencyNeverSatisfied" <<<"$queued"; then
    scancel "$merge" || true
  fi
  sleep "$poll"
done

exit_status() { [ -s "$1" ] && cat "$1" || echo none; }
failed=0 mismatched=()
for ((k = 0; k < shards; k++)); do
  rc=$(exit_status "$work/status/shard-$k.exit")
  log=$work/logs/shard-$k.log
  case $rc in
  0) continue ;;
  1) mismatched+=("$log") && continue ;;
  none) echo "suite.sh: shard $k/$shards did not finish (killed, out of time or memory, or never started): $log" >&2 ;;
  *) echo "suite.sh: shard $k/$shards failed with exit status $rc: $log" >&2 ;;
  esac
  failed=$((failed + 1))
  [ ! -s "$log" ] || tail -n 3 "$log" | sed 's/^/  | /' >&2
done
if ((failed)); then
  echo "suite.sh: $failed of $shards shards failed; the merge job did not run" >&2
  exit 1
fi
rc=$(exit_status "$work/status/merge.exit")
if [ "$rc" != 0 ] && [ "$rc" != 1 ] || [ ! -f "$json" ]; then
  echo "suite.sh: the merge failed (exit status $rc): $work/logs/merge.log" >&2
  [ ! -s "$work/logs/merge.log" ] || tail -n 3 "$work/logs/merge.log" | sed 's/^/  | /' >&2
  exit 1
fi
summary=$(tail -n 1 "$work/logs/merge.log")
if [ "$rc" = 1 ]; then
  echo "suite.sh: $summary; reports $json and $junit" >&2
  grep '^FAIL ' "$work/logs/merge.log" | head -n 5 | sed 's/^/  | /' >&2
  for log in "${mismatched[@]}"; do
    echo "suite.sh: failures in $log" >&2
  done
  exit 1
fi
echo "suite.sh: $summary; wrote $json and $junit"

#!/usr/bin/env bash
# Calibration (record-minmax) of one model split into N Slurm array tasks, and
# a merge job that runs only when all of them succeeded (docs/scale-out.md).
#
# Usage: scripts/slurm/calibrate.sh --model M.circle --data DATA --shards N --work DIR -o OUT.circle
#                                   [--partition P] [--cpus-per-task C] [--time T] [--mem M]
#                                   [--max-parallel K] [--qgold PATH] [--wait]
#                                   [-- record-minmax options, e.g. --mode moving_average]
#
# Every path must be on a filesystem that all nodes share, under the same name.
# The jobs run only the qgold binary (--qgold, default $QGOLD_BIN, else
# build/bin/qgold of this checkout): shard K runs
#   qgold record-minmax M --data DATA --shard K/N --partial DIR/parts/shard-K.part --threads C
# and the merge job
#   qgold merge-minmax M DIR/parts/shard-0.part ... -o OUT
# with logs in DIR/logs/shard-K.log and DIR/logs/merge.log.
#
# Defaults from the environment: QGOLD_SLURM_PARTITION (else the cluster's
# default partition), QGOLD_SLURM_CPUS (1), QGOLD_SLURM_TIME, QGOLD_SLURM_MEM,
# QGOLD_SLURM_MAX_PARALLEL, QGOLD_SLURM_SBATCH_ARGS (more sbatch options for
# both jobs, e.g. --account=x), QGOLD_SLURM_POLL (seconds between checks, 2).
#
# Without --wait it prints the job ids and exits. With --wait it returns when
# the flow is over: 0 when OUT was written; 1 when a shard or the merge failed,
# naming each failed job's log (a failed shard keeps the merge from running);
# 2 for bad usage.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
usage() {
  sed -n '5,8p' "$0" | sed 's/^# //' >&2
  echo "calibrate.sh: $1" >&2
  exit 2
}

model='' data='' shards='' work='' out='' wait=0
partition=${QGOLD_SLURM_PARTITION:-}
cpus=${QGOLD_SLURM_CPUS:-1}
time_limit=${QGOLD_SLURM_TIME:-}
mem=${QGOLD_SLURM_MEM:-}
max_parallel=${QGOLD_SLURM_MAX_PARALLEL:-}
qgold=${QGOLD_BIN:-$(cd "$here/../.." && pwd)/build/bin/qgold}
poll=${QGOLD_SLURM_POLL:-2}
while (($#)); do
  case $1 in
  --model | --data | --shards | --work | -o | --partition | --cpus-per-task | --time | --mem | --max-parallel | --qgold)
    (($# >= 2)) || usage "$1 needs a value"
    case $1 in
    --model) model=$2 ;;
    --data) data=$2 ;;
    --shards) shards=$2 ;;
    --work) work=$2 ;;
    -o) out=$2 ;;
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

if [ -z "$model" ] || [ -z "$data" ] || [ -z "$shards" ] || [ -z "$work" ] || [ -z "$out" ]; then
  usage "--model, --data, --shards, --work and -o are required"
fi
[[ $shards =~ ^[1-9][0-9]*$ ]] || usage "--shards '$shards' is not a positive number"
[[ $cpus =~ ^[1-9][0-9]*$ ]] || usage "--cpus-per-task '$cpus' is not a positive number"
[ -f "$model" ] || usage "$model: no such model file"
[ -e "$data" ] || usage "$data: no such dataset"
[ -x "$qgold" ] || usage "$qgold: no qgold executable (build it, or give --qgold or QGOLD_BIN)"
[ -d "$(dirname "$out")" ] || usage "$out: folder $(dirname "$out") does not exist"
command -v sbatch >/dev/null || usage "sbatch not found: run on a Slurm submit host (or scripts/slurm/local_cluster.sh start)"

# Absolute paths: the jobs may start in another folder, on another node.
model=$(realpath "$model") data=$(realpath "$data") qgold=$(realpath "$qgold") out=$(realpath -m "$out")
mkdir -p "$work"/{parts,logs,status}
work=$(realpath "$work")
rm -f "$work"/parts/shard-*.part "$work"/status/*.exit # a previous run's results must not be taken for this one's

common=(--parsable)
[ -z "$partition" ] || common+=(--partition="$partition")
[ -z "$time_limit" ] || common+=(--time="$time_limit")
[ -z "$mem" ] || common+=(--mem="$mem")
# shellcheck disable=SC2206 # extra sbatch options are split on blanks on purpose
common+=(${QGOLD_SLURM_SBATCH_ARGS:-})

array=$(sbatch "${common[@]}" --job-name=qgold-calibrate --cpus-per-task="$cpus" \
  --array="0-$((shards - 1))${max_parallel:+%$max_parallel}" --output="$work/logs/shard-%a.log" \
  "$here/calibrate_shard.sbatch" "$qgold" "$model" "$data" "$shards" "$work/parts" "$work/status" \
  ${options[@]+"${options[@]}"})
array=${array%%;*}
# --kill-on-invalid-dep: when a shard fails the merge is cancelled instead of pending forever.
merge=$(sbatch "${common[@]}" --job-name=qgold-merge --cpus-per-task=1 --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes --output="$work/logs/merge.log" \
  "$here/calibrate_merge.sbatch" "$qgold" "$model" "$shards" "$work/parts" "$work/status" "$out")
merge=${merge%%;*}
echo "calibrate.sh: shards: job $array (array 0-$((shards - 1))), merge: job $merge; logs in $work/logs"
((wait)) || exit 0

# Waits until neither job is queued or running. A merge job left pending on a
# dependency that can no longer be met (a cluster ignoring --kill-on-invalid-dep) is cancelled.
while :; do
  queued=$(squeue -h -j "$array,$merge" -o '%i %r' 2>/dev/null || true)
  [ -n "$queued" ] || break
  if grep -q "^$merge DependencyNeverSatisfied" <<<"$queued"; then
    scancel "$merge" || true
  fi
  sleep "$poll"
done

exit_status() { [ -s "$1" ] && cat "$1" || echo none; }
failed=0
for ((k = 0; k < shards; k++)); do
  rc=$(exit_status "$work/status/shard-$k.exit")
  [ "$rc" = 0 ] && continue
  failed=$((failed + 1))
  if [ "$rc" = none ]; then
    echo "calibrate.sh: shard $k/$shards did not finish (killed, out of time or memory, or never started): $work/logs/shard-$k.log" >&2
  else
    echo "calibrate.sh: shard $k/$shards failed with exit status $rc: $work/logs/shard-$k.log" >&2
  fi
  [ ! -s "$work/logs/shard-$k.log" ] || tail -n 3 "$work/logs/shard-$k.log" | sed 's/^/  | /' >&2
done
if ((failed)); then
  echo "calibrate.sh: $failed of $shards shards failed; the merge job did not run" >&2
  exit 1
fi
rc=$(exit_status "$work/status/merge.exit")
if [ "$rc" != 0 ] || [ ! -f "$out" ]; then
  echo "calibrate.sh: the merge failed (exit status $rc): $work/logs/merge.log" >&2
  [ ! -s "$work/logs/merge.log" ] || tail -n 3 "$work/logs/merge.log" | sed 's/^/  | /' >&2
  exit 1
fi
echo "calibrate.sh: wrote $out"

#!/usr/bin/env bash
# Wall time of a sharded calibration (MobileNetV2, BENCH_RECORDS=1000 records,
# default percentile mode) for N = 1, 2, 4 shards of 1 CPU each: as N processes
# started together on this machine, and as the job array + merge job of
# calibrate.sh on the local Slurm cluster (started if needed; needs root).
# Baseline: one record-minmax at 1 and 2 threads. Every merged model is checked
# byte-identical to the baseline. Also prints the size of a partial per record.
#
# Usage: scripts/slurm/bench.sh   (QGOLD_BUILD_DIR=build; BENCH_RUNS=3 runs, the median is printed)
set -euo pipefail
cd "$(dirname "$0")/../.."

qgold=$(realpath "${QGOLD_BUILD_DIR:-build}/bin/qgold")
records=${BENCH_RECORDS:-1000}
runs=${BENCH_RUNS:-3}
[ -x "$qgold" ] || { echo "bench: $qgold not found; build first (scripts/setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# CPU seconds (user + system) of this shell's finished children; `times` runs
# in this shell (a subshell would count only its own children).
children_cpu() {
  times >"$work/times"
  awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$work/times"
}
# median VALUES...: the middle value.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# timed COMMAND...: runs it $runs times; prints the median wall time and the
# median CPU time of the processes it waited for (not Slurm's jobs), in seconds.
timed() {
  local walls=() cpus=() start i
  for ((i = 0; i < runs; i++)); do
    children_cpu >"$work/cpu"
    start=$(now)
    "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
    walls+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')")
    children_cpu >>"$work/cpu"
    cpus+=("$(awk 'NR == 1 { a = $1 } NR == 2 { printf "%.1f", $1 - a }' "$work/cpu")")
  done
  echo "$(median "${walls[@]}") $(median "${cpus[@]}")"
}

model=$work/mobilenet_v2.circle data=$work/data.h5
"$qgold" build recipes/models/mobilenet_v2.yaml -o "$model" >/dev/null
"$qgold" gen-data "$model" --records "$records" --seed 1 -o "$data" >/dev/null

# Shards as local processes, all started together, then the merge.
local_flow() { # N
  local n=$1 k pids=() parts=()
  for ((k = 0; k < n; k++)); do
    "$qgold" record-minmax "$model" --data "$data" --shard "$k/$n" --partial "$work/local-$k.part" --threads 1 &
    pids+=($!)
    parts+=("$work/local-$k.part")
  done
  for k in "${pids[@]}"; do wait "$k"; done
  "$qgold" merge-minmax "$model" "${parts[@]}" -o "$work/local.circle"
}

slurm_flow() { # N
  QGOLD_SLURM_POLL=0.2 scripts/slurm/calibrate.sh --model "$model" --data "$data" --shards "$1" \
    --work "$work/slurm" -o "$work/slurm.circle" --qgold "$qgold" --cpus-per-task 1 --wait
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "MobileNetV2, $records records, median of $runs runs"
read -r w1 c1 < <(timed "$qgold" record-minmax "$model" --data "$data" --threads 1 -o "$work/single.circle")
read -r w2 c2 < <(timed "$qgold" record-minmax "$model" --data "$data" --threads 2 -o "$work/single2.circle")
printf 'one record-minmax: %s s (CPU %s s) at 1 thread, %s s (CPU %s s) at 2 threads\n' "$w1" "$c1" "$w2" "$c2"

slurm=0
if [ "$(id -u)" -eq 0 ]; then
  if ! scripts/slurm/local_cluster.sh status >/dev/null; then # started here, stopped at the end
    trap 'scripts/slurm/local_cluster.sh stop >/dev/null 2>&1; rm -rf "$work"' EXIT
  fi
  eval "$(scripts/slurm/local_cluster.sh start 2>/dev/null)"
  slurm=1
else
  echo "(not root: no local Slurm cluster, the Slurm column is left out)"
fi
printf '%-6s | %-24s | %s\n' shards "local processes: wall, CPU" "Slurm, submit to model: wall"
for n in 1 2 4; do
  read -r wl cl < <(timed local_flow "$n")
  cmp -s "$work/single.circle" "$work/local.circle" || { echo "bench: $n local shards: model differs" >&2; exit 1; }
  ws=-
  if ((slurm)); then
    read -r ws _ < <(timed slurm_flow "$n")
    cmp -s "$work/single.circle" "$work/slurm.circle" || { echo "bench: $n Slurm shards: model differs" >&2; exit 1; }
  fi
  printf '%-6s | %10s s, %8s s | %s s\n' "$n" "$wl" "$cl" "$ws"
done

read -r merge _ < <(timed "$qgold" merge-minmax "$model" "$work"/local-{0,1,2,3}.part -o "$work/local.circle")
bytes=$(stat -c %s "$work/local-0.part")
tensors=$(od -An -tu4 -j128 -N4 "$work/local-0.part" | tr -d ' ')
echo "merge of 4 partials: $merge s"
awk -v b="$bytes" -v r="$records" -v t="$tensors" 'BEGIN {
  printf "partial: %d tensors, %d bytes per record (8 per tensor); shard 0/4 of %d records: %d bytes\n",
         t, 8 * t, r, b }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

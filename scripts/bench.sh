#!/usr/bin/env bash
# Benchmarks `qgold record-minmax` (default percentile mode, optimized backend)
# on the bundled networks at 1 and 2 threads, then checks that peak memory
# stays flat in the record count (ResNet-50, 10 vs 1000 records).
#
# Usage: scripts/bench.sh [NETWORK...]   (default: mobilenet_v2 resnet50
#        mobilenet_v3_large; QGOLD_BUILD_DIR=build, BENCH_RECORDS=50 and
#        BENCH_RSS_RECORDS=1000 can be overridden; the RSS check runs when
#        resnet50 is benchmarked)
#
# ms/record is the marginal cost of a record: (time for N records - time for
# 10 records) / (N - 10), so model loading, weight reordering and writing the
# output model are left out; "whole run" divides the full N-record time by N.
# GFLOP/s counts 2 FLOPs per multiply-add of the convolutions and the
# classifier (the MAC counts checked by engine/interp/fast/models_test.cpp).
# "CPU ms/record" is the marginal user+system time per record: on a machine
# shared with other work the wall time says how much CPU qgold got, the CPU
# time what the records cost.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${QGOLD_BUILD_DIR:-build}
records=${BENCH_RECORDS:-50}
rss_records=${BENCH_RSS_RECORDS:-1000}
qgold=$build_dir/bin/qgold
[ -x "$qgold" ] || { echo "bench: $qgold not found; build first (scripts/setup.sh)" >&2; exit 2; }
((records > 10)) || { echo "bench: BENCH_RECORDS must be > 10" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Multiply-adds and parameters, as engine/interp/fast/models_test.cpp checks them.
declare -A macs=([mobilenet_v2]=300774272 [resnet50]=4089184256 [mobilenet_v3_large]=216589760)
declare -A params=([mobilenet_v2]=3487816 [resnet50]=25530472 [mobilenet_v3_large]=5470848)
networks=("$@")
((${#networks[@]})) || networks=(mobilenet_v2 resnet50 mobilenet_v3_large)
for net in "${networks[@]}"; do
  [ -n "${macs[$net]:-}" ] || { echo "bench: unknown network '$net'" >&2; exit 2; }
done

# Runs record-minmax; prints "wall_seconds cpu_seconds peak_rss_kib".
measure() { # model data threads
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "$qgold" record-minmax "$1" --data "$2" --threads "$3" -o "$work/out.circle" >/dev/null 2>&1
  awk '{ print $1, $2 + $3, $4 }' "$work/time"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for net in "${networks[@]}"; do
  printf '%s: %d parameters, %d multiply-adds per record\n' "$net" "${params[$net]}" "${macs[$net]}"
done
printf '%-18s %7s %10s %10s %14s %12s %10s\n' network threads ms/record GFLOP/s "CPU ms/record" "whole run" "peak RSS"
for net in "${networks[@]}"; do
  "$qgold" build "recipes/models/$net.yaml" -o "$work/$net.circle" >/dev/null
  "$qgold" gen-data "$work/$net.circle" --records 10 --seed 1 -o "$work/$net-10.h5" >/dev/null
  "$qgold" gen-data "$work/$net.circle" --records "$records" --seed 1 -o "$work/$net-n.h5" >/dev/null
  for threads in 1 2; do
    read -r small_s small_cpu _ < <(measure "$work/$net.circle" "$work/$net-10.h5" "$threads")
    read -r full_s full_cpu rss_kib < <(measure "$work/$net.circle" "$work/$net-n.h5" "$threads")
    awk -v net="$net" -v t="$threads" -v n="$records" -v small="$small_s" -v full="$full_s" \
        -v small_cpu="$small_cpu" -v full_cpu="$full_cpu" -v rss="$rss_kib" -v macs="${macs[$net]}" 'BEGIN {
      ms = (full - small) * 1000 / (n - 10)
      cpu = (full_cpu - small_cpu) * 1000 / (n - 10)
      printf "%-18s %7d %10.1f %10.1f %14.1f %9.1f ms %6.0f MiB\n", net, t, ms, 2 * macs / ms / 1e6,
             cpu, full * 1000 / n, rss / 1024 }'
  done
done

if [[ " ${networks[*]} " == *" resnet50 "* ]]; then
  "$qgold" gen-data "$work/resnet50.circle" --records "$rss_records" --seed 2 -o "$work/resnet50-rss.h5" >/dev/null
  read -r _ _ rss_small < <(measure "$work/resnet50.circle" "$work/resnet50-10.h5" 2)
  read -r _ _ rss_large < <(measure "$work/resnet50.circle" "$work/resnet50-rss.h5" 2)
  awk -v small="$rss_small" -v large="$rss_large" -v n="$rss_records" 'BEGIN {
    growth = (large - small) * 100 / small
    printf "resnet50 peak RSS, 2 threads: 10 records %.0f MiB, %d records %.0f MiB (%+.1f%%, %s)\n",
           small / 1024, n, large / 1024, growth, growth <= 10 ? "within 10%" : "OVER 10%" }'
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

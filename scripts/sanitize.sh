#!/usr/bin/env bash
# The sanitizer and fuzzing job (called by scripts/test.sh): one clang build of
# the whole project with AddressSanitizer + UndefinedBehaviorSanitizer (and
# libFuzzer coverage), then
#   1. ctest there: every unit and golden test under the sanitizers, plus a
#      replay of every fuzz corpus (harness/fuzz/corpus/<target>);
#   2. a short fuzz run per target ($QGOLD_FUZZ_SECONDS, default 10 s) that
#      starts from the corpus and writes new inputs to a temporary folder.
# Build dir: $QGOLD_SANITIZE_BUILD_DIR (default build-sanitize).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "sanitize: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${QGOLD_SANITIZE_BUILD_DIR:-build-sanitize}
fuzz_seconds=${QGOLD_FUZZ_SECONDS:-10}
jobs=$(nproc)

# -O1 and line tables only: sanitizer builds are slow to compile, link and run;
# this keeps CI in budget and stack traces readable.
CC=clang CXX=clang++ cmake -S harness/fuzz -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS_RELEASE="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" >/dev/null
cmake --build "$build_dir" -j "$jobs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/harness/fuzz/lsan.supp}
# The TFLite-oracle and Slurm flows run qgold's commands against other programs
# (Node.js, slurmd); every qgold path they take is run here by the unit and CLI
# tests already, so under the sanitizers they would only add CI time.
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -E '^(tflite_oracle_|slurm_)'


scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts=$build_dir/fuzz-artifacts
mkdir -p "$artifacts"
for fuzzer in "$build_dir"/fuzz_*; do
  target=${fuzzer##*/fuzz_}
  mkdir -p "$scratch/$target"
  echo "sanitize: fuzzing $target for ${fuzz_seconds}s" >&2
  "$fuzzer" -max_total_time="$fuzz_seconds" -timeout=20 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$scratch/$target" "harness/fuzz/corpus/$target" 2>"$scratch/$target.log" || {
    tail -n 60 "$scratch/$target.log"
    echo "sanitize: fuzz target $target found a problem; reproduce with:" >&2
    echo "  $fuzzer $artifacts/<the file named above>" >&2
    exit 1
  }
  grep -E '^stat::number_of_executed_units' "$scratch/$target.log" >&2 || true
done
echo "sanitize: all sanitizer tests and fuzz smoke runs passed"

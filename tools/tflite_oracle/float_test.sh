#!/usr/bin/env bash
# TFLite float cross-check: every bundled recipe (recipes/*.yaml with a tests: list) is built as
# .tflite and run on the test_inputs of each of its cases by `qgold run` and by TFLite's own
# runtime (tools/tflite_oracle); every output element must satisfy
# |tflite - qgold| <= 1e-4 + 1e-4*|qgold|.
# Skipped, with the reason printed: recipes qgold cannot write as TFLite (Circle-only ops) and
# those TFLite refuses as listed in expected_refusals.txt.
# Usage: float_test.sh QGOLD TFLITE_ORACLE_IO DEST [RECIPE...]   (DEST: the runtime's folder)
set -u
qgold=$1
io=$2
dest=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=SCRIPTDIR/test_lib.sh
source "$here/test_lib.sh"
ensure_runtime

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 skipped=0 failed=0
declare -A refusal=()
while read -r name text; do
  [[ -z $name || $name == \#* ]] || refusal[$name]=$text
done <"$here/expected_refusals.txt"

fail() {
  echo "FAIL $1: $2"
  failed=$((failed + 1))
}
skip() {
  echo "SKIP $1: $2"
  skipped=$((skipped + 1))
}

if (($#)); then
  recipes=()
  for name in "$@"; do recipes+=("$root/recipes/$name.yaml"); done
else
  recipes=("$root"/recipes/*.yaml)
fi

# 1. Build each model and run qgold on every case's inputs; queue the oracle's jobs.
ready=()
: >"$tmp/jobs.tsv"
for recipe in "${recipes[@]}"; do
  grep -q '^tests:' "$recipe" || continue
  name=$(basename "$recipe" .yaml)
  folders=()
  for folder in "$root/test_inputs/$name"/*/*/ "$root/test_inputs/${name}_config"/*/*/; do
    [ -d "$folder" ] && folders+=("${folder%/}")
  done
  if ((${#folders[@]} == 0)); then
    fail "$name" "no test_inputs folders"
    continue
  fi
  model=$tmp/$name.tflite
  if ! "$qgold" build "$recipe" -o "$model" >"$tmp/log" 2>&1; then
    if grep -q 'Circle-only' "$tmp/log"; then
      skip "$name" "not writable as TFLite: $(cat "$tmp/log")"
    else
      fail "$name" "qgold build: $(cat "$tmp/log")"
    fi
    continue
  fi
  # Every case's records in one dataset: one qgold run per recipe.
  "$io" inputs "$model" "${folders[@]}" -o "$tmp/$name.in.json" --h5 "$tmp/$name.in.h5" >"$tmp/log" 2>&1 ||
    { fail "$name" "tflite_oracle_io inputs: $(cat "$tmp/log")"; continue; }
  "$qgold" run "$model" --data "$tmp/$name.in.h5" -o "$tmp/$name.run.h5" >"$tmp/log" 2>&1 ||
    { fail "$name" "qgold run: $(cat "$tmp/log")"; continue; }
  printf '%s\t%s\t%s\n' "$name.tflite" "$name.in.json" "$name.out.json" >>"$tmp/jobs.tsv"
  ready+=("$name")
done

# 2. One runtime process runs every model (a refused model leaves NAME.out.json.error).
oracle --batch "$tmp/jobs.tsv" 2>"$tmp/oracle.log"
status=$?
if ((status != 0 && status != 2)); then
  cat "$tmp/oracle.log"
  echo "FAIL: the oracle stopped with exit status $status"
  exit 1
fi

# What computed each model: XNNPACK's delegate or TFLite's builtin kernels, by node.
# shellcheck disable=SC2016 # JavaScript, not shell, expands ${...} here
node -e '
  const fs = require("fs");
  for (const name of process.argv.slice(2)) {
    const file = `${process.argv[1]}/${name}.out.json`;
    if (!fs.existsSync(file)) continue;
    const kernels = JSON.parse(fs.readFileSync(file, "utf8")).kernels;
    fs.writeFileSync(file + ".kernels", kernels.map((k) => k.type === "TfLiteXNNPackDelegate" ? `XNNPACK ${k.node}` : k.type).join(", ") + "\n");
  }' "$tmp" "${ready[@]}"

# 3. Compare, or check that a refusal is an expected one.
for name in "${ready[@]}"; do
  out=$tmp/$name.out.json
  expected=${refusal[$name]:-}
  if [ -f "$out.error" ]; then
    if [ -n "$expected" ] && grep -qF -- "$expected" "$out.error"; then
      skip "$name" "refused by TFLite: $(grep -m1 'ERROR: .' "$out.error" | sed 's/^ *//')"
    else
      fail "$name" "refused by TFLite (not in expected_refusals.txt): $(cat "$out.error")"
    fi
    continue
  fi
  if [ -n "$expected" ]; then
    fail "$name" "TFLite ran it, but expected_refusals.txt says it refuses it ('$expected'): update the list"
    continue
  fi
  if "$io" compare "$tmp/$name.tflite" "$out" "$tmp/$name.run.h5" >"$tmp/log" 2>&1; then
    echo "PASS $name: $(tail -1 "$tmp/log"); computed by $(cat "$out.kernels")"
    passed=$((passed + 1))
    continue
  fi
  fail "$name" "$(cat "$tmp/log"); computed by $(cat "$out.kernels")"
  # Name the first operator whose output moves: every tensor from both sides.
  if oracle "$tmp/$name.tflite" "$tmp/$name.in.json" -o "$tmp/$name.all.json" --all-tensors 2>"$tmp/log"; then
    "$io" diagnose "$tmp/$name.tflite" "$tmp/$name.all.json" "$tmp/$name.in.h5" 2>&1 | sed 's/^/    /'
  else
    sed 's/^/    /' "$tmp/log"
  fi
done

echo "tflite_oracle_float: $passed passed, $skipped skipped, $failed failed"
((failed == 0))

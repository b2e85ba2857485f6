#!/usr/bin/env bash
# TFLite runs quantized models through the oracle, and qgold's integer interpreter computes
# what it computes:
#  1. the bundled case Add_000/layer/uint8 (qgold's fake-quant -> record-minmax -> quantize,
#     checked against the case's goldens) and a full-integer int8 Add (testdata/add_int8.yaml)
#     take codes in and give codes out, equal to the real-number Add (quantized_test.mjs);
#  2. every bundled recipe TFLite can run, quantized by the CLI chain as its layer/uint8 case
#     (ONE's scheme, calibrated on the case's test inputs) and as int8 (TFLite's scheme,
#     calibrated on the recipe's first uint8 case), runs on those inputs (floats quantized with
#     the input's parameters) in `qgold run --all-tensors` and in TFLite: every operator of every
#     record must give TFLite's codes bit for bit on TFLite's own inputs, or agree by one of the
#     rules codes.h documents (XNNPACK's requantization, TFLite's same-parameter assumption);
#     the end-to-end counts are printed. TFLite's refusals must be those of
#     expected_refusals.txt.
# Usage: quantized_test.sh QGOLD TFLITE_ORACLE_IO DEST [RECIPE...]   (DEST: the runtime's folder)
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
# step DESCRIPTION COMMAND...: runs COMMAND, stops the test when it fails.
step() {
  local what=$1
  shift
  "$@" >"$tmp/log" 2>&1 || { echo "FAIL: $what: $(cat "$tmp/log")"; exit 1; }
}

name=Add_000
data=$root/test_inputs/$name/layer/uint8
step "build $name" "$qgold" build "$root/recipes/$name.yaml" -o "$tmp/$name.float.tflite"
step "fake-quant" "$qgold" fake-quant "$tmp/$name.float.tflite" -o "$tmp/fq.tflite" --dtype uint8 --granularity layer
step "record-minmax" "$qgold" record-minmax "$tmp/fq.tflite" --data "$data" -o "$tmp/rm.tflite" --backend reference
step "quantize" "$qgold" quantize "$tmp/rm.tflite" -o "$tmp/$name.tflite" --dtype uint8 --granularity layer
step "the chain's model is the bundled case's" "$qgold" verify --model "$tmp/$name.tflite" --case "$name/layer/uint8"
"$qgold" inspect --json "$tmp/$name.tflite" >"$tmp/$name.inspect.json" || { echo "FAIL: inspect"; exit 1; }
step "float inputs" "$io" inputs "$tmp/$name.float.tflite" "$data" -o "$tmp/$name.float.json"

step "build add_int8" "$qgold" build "$here/testdata/add_int8.yaml" -o "$tmp/add_int8.tflite"
"$qgold" inspect --json "$tmp/add_int8.tflite" >"$tmp/add_int8.inspect.json" || { echo "FAIL: inspect add_int8"; exit 1; }
# Inputs in [-1.3, 1.4]: the int8 input codes span their whole range, clamped at both ends.
cat >"$tmp/add_int8.float.json" <<EOF
{"records": [{"tensors": [{"name": "ifm", "dtype": "float32", "shape": [1, 2, 2, 3],
  "hex": "$(node -e 'const v = [-1.3, -1.0, -0.55, -0.1, 0, 0.05, 0.1, 0.55, 1.05, 1.22, 1.4, -0.07];
                     process.stdout.write(Buffer.from(new Float32Array(v).buffer).toString("hex"))')"}]}]}
EOF

node "$here/quantized_test.mjs" "$dest" "$tmp" "$name" add_int8 || exit 1

# 2. Every bundled recipe in both schemes.
declare -A refusal=()
while read -r recipe text; do
  [[ -z $recipe || $recipe == \#* ]] || refusal[$recipe]=$text
done <"$here/expected_refusals.txt"
passed=0 skipped=0 failed=0 exact=0 rules=0 rule_elements=0 equal=0 tensors=0
fail() {
  echo "FAIL $1: $2"
  failed=$((failed + 1))
}
if (($#)); then
  recipes=()
  for recipe in "$@"; do recipes+=("$root/recipes/$recipe.yaml"); done
else
  recipes=("$root"/recipes/*.yaml)
fi
cases=()
: >"$tmp/jobs.tsv"
for recipe in "${recipes[@]}"; do
  grep -q '^tests:' "$recipe" || continue
  name=$(basename "$recipe" .yaml)
  float=$tmp/$name.float.tflite
  if ! "$qgold" build "$recipe" -o "$float" >"$tmp/log" 2>&1; then
    if grep -q 'Circle-only' "$tmp/log"; then
      echo "SKIP $name: not writable as TFLite"
      skipped=$((skipped + 2))
    else
      fail "$name" "qgold build: $(cat "$tmp/log")"
    fi
    continue
  fi
  uint8=$root/test_inputs/$name/layer/uint8
  [ -d "$uint8" ] || uint8=$root/test_inputs/$name/channel/uint8
  for scheme in layer/uint8 channel/int8; do
    granularity=${scheme%/*} dtype=${scheme#*/}
    data=$root/test_inputs/$name/$scheme
    [ "$dtype" = int8 ] && data=$uint8
    [ -d "$data" ] || continue
    c=$name.$granularity.$dtype
    if ! {
      "$qgold" fake-quant "$float" -o "$tmp/$c.fq.tflite" --dtype "$dtype" --granularity "$granularity" &&
        "$qgold" record-minmax "$tmp/$c.fq.tflite" --data "$data" -o "$tmp/$c.rm.tflite" --backend reference &&
        "$qgold" quantize "$tmp/$c.rm.tflite" -o "$tmp/$c.tflite" --dtype "$dtype" --granularity "$granularity" &&
        "$qgold" run "$tmp/$c.tflite" --data "$data" --quantize-inputs --all-tensors -o "$tmp/$c.run.h5" &&
        "$io" inputs "$tmp/$c.tflite" "$data" --quantize-inputs -o "$tmp/$c.in.json"
    } >"$tmp/log" 2>&1; then
      fail "$c" "qgold: $(cat "$tmp/log")"
      continue
    fi
    printf '%s\t%s\t%s\n' "$c.tflite" "$c.in.json" "$c.out.json" >>"$tmp/jobs.tsv"
    cases+=("$c")
  done
done

oracle --batch "$tmp/jobs.tsv" --all-tensors 2>"$tmp/oracle.log"
status=$?
if ((status != 0 && status != 2)); then
  cat "$tmp/oracle.log"
  echo "FAIL: the oracle stopped with exit status $status"
  exit 1
fi

for c in "${cases[@]}"; do
  out=$tmp/$c.out.json
  # A line may name one case (<recipe>.<granularity>.<dtype>) or the recipe (every case).
  expected=${refusal[$c]:-${refusal[${c%%.*}]:-}}
  if [ -f "$out.error" ]; then
    if [ -n "$expected" ] && grep -qF -- "$expected" "$out.error"; then
      echo "SKIP $c: refused by TFLite: $(grep -m1 'ERROR: .' "$out.error" | sed 's/^ *//')"
      skipped=$((skipped + 1))
    else
      fail "$c" "refused by TFLite (not in expected_refusals.txt): $(cat "$out.error")"
    fi
    continue
  fi
  if [ -n "$expected" ]; then
    fail "$c" "TFLite ran it, but expected_refusals.txt says it refuses it ('$expected')"
    continue
  fi
  if ! "$io" codes "$tmp/$c.tflite" "$tmp/$c.in.json" "$out" "$tmp/$c.run.h5" >"$tmp/log" 2>&1; then
    fail "$c" "$(cat "$tmp/log")"
    continue
  fi
  echo "PASS $c: $(tail -2 "$tmp/log" | head -1)"
  passed=$((passed + 1))
  # counts EXACT BY_RULE RULE_ELEMENTS END_TO_END_EQUAL END_TO_END
  read -r _ ex ru el eq all < <(tail -1 "$tmp/log")
  exact=$((exact + ex)) rules=$((rules + ru)) rule_elements=$((rule_elements + el))
  equal=$((equal + eq)) tensors=$((tensors + all))
done

echo "tflite_oracle_quantized: $passed cases passed, $skipped skipped, $failed failed;" \
  "operator outputs (per record): $exact equal to TFLite's, $rules by a documented rule" \
  "($rule_elements elements where qgold's codes differ); end to end $equal of $tensors tensors equal"
((failed == 0))

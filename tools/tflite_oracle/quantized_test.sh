#!/usr/bin/env bash
# TFLite runs quantized models through the oracle: the bundled case Add_000/layer/uint8 (qgold's
# fake-quant -> record-minmax -> quantize, checked against the case's goldens) and a
# full-integer int8 Add (testdata/add_int8.yaml) take codes in and give codes out, equal to the
# real-number Add (quantized_test.mjs).
# Usage: quantized_test.sh QGOLD TFLITE_ORACLE_IO DEST   (DEST: the runtime's folder)
set -u
qgold=$1
io=$2
dest=$3
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
echo "tflite_oracle_quantized: passed"

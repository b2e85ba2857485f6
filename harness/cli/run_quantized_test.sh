#!/usr/bin/env bash
# `qgold run` on quantized models through the executable: codes in and out, --quantize-inputs,
# --all-tensors, gen-data codes, the int8 scheme, and the bad inputs of docs/errors.md
# ("Quantized models"). Usage: run_quantized_test.sh QGOLD SOURCE_DIR
set -u
qgold=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# expect_status STATUS COMMAND...: runs COMMAND, checks its exit status.
expect_status() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 "$tmp/err")"
}
expect_error() {
  grep -qF -- "$1" "$tmp/err" || fail "expected '$1' in: $(cat "$tmp/err")"
}

data=$root/test_inputs/Conv2D_000/channel/uint8
expect_status 0 "$qgold" build "$root/recipes/Conv2D_000.yaml" -o "$tmp/f.circle"
for dtype in uint8 int8; do
  expect_status 0 "$qgold" fake-quant "$tmp/f.circle" -o "$tmp/fq.$dtype.circle" --dtype $dtype --granularity channel
  expect_status 0 "$qgold" record-minmax "$tmp/fq.$dtype.circle" --data "$data" -o "$tmp/rm.$dtype.circle"
  expect_status 0 "$qgold" quantize "$tmp/rm.$dtype.circle" -o "$tmp/q.$dtype.circle" --dtype $dtype --granularity channel
  expect_status 0 "$qgold" run "$tmp/q.$dtype.circle" --data "$data" --quantize-inputs -o "$tmp/out.$dtype.h5"
  grep -qx "wrote 5 records to $tmp/out.$dtype.h5" "$tmp/out" || fail "run $dtype: $(cat "$tmp/out")"
  expect_status 0 "$qgold" run "$tmp/q.$dtype.circle" --data "$data" --quantize-inputs --all-tensors \
    -o "$tmp/all.$dtype.h5"
done
expect_status 0 "$qgold" inspect "$tmp/q.int8.circle"
for expected in "'ifm' INT8" "'ker' INT8" "'bias' INT32"; do
  grep -q "$expected" "$tmp/out" || fail "int8 model: no $expected in $(cat "$tmp/out")"
done

# The codes themselves as a dataset: gen-data writes codes for a quantized input, and run takes
# them as they are (no --quantize-inputs).
expect_status 0 "$qgold" gen-data "$tmp/q.uint8.circle" --records 3 --min -1 --max 1 -o "$tmp/codes.h5"
expect_status 0 "$qgold" run "$tmp/q.uint8.circle" --data "$tmp/codes.h5" -o "$tmp/from_codes.h5"
grep -qx "wrote 3 records to $tmp/from_codes.h5" "$tmp/out" || fail "run on codes: $(cat "$tmp/out")"
# ... and refuses float text where codes are expected, or codes of another dtype.
expect_status 2 "$qgold" run "$tmp/q.uint8.circle" --data "$data" -o "$tmp/x.h5"
expect_error "input 0 ('ifm'), value 0: expected an integer in the uint8 range"
expect_status 2 "$qgold" run "$tmp/q.int8.circle" --data "$tmp/codes.h5" -o "$tmp/x.h5"
expect_error "expected int8 [1,4,3,2], got uint8 [1,4,3,2]"
[ ! -e "$tmp/x.h5" ] || fail "a failed run left $tmp/x.h5"

# --quantize-inputs needs a quantized input; values to quantize must be finite.
expect_status 2 "$qgold" run "$tmp/f.circle" --data "$data" --quantize-inputs -o "$tmp/x.h5"
expect_error "f.circle: --quantize-inputs: no input of the model is quantized"
mkdir "$tmp/nan"
sed 's/^[^,]*,/nan,/' "$data/0.txt" >"$tmp/nan/0.txt"
expect_status 2 "$qgold" run "$tmp/q.uint8.circle" --data "$tmp/nan" --quantize-inputs -o "$tmp/x.h5"
expect_error "input 0 ('ifm'), index 0: nan has no code"

# int16 Logistic needs TFLite's fixed output parameters: ONE gives them, a model edited to
# other ones is refused naming the operator.
expect_status 0 "$qgold" build "$root/recipes/Logistic_001.yaml" -o "$tmp/l.circle"
logistic_data=$root/test_inputs/Logistic_001/channel/int16
expect_status 0 "$qgold" fake-quant "$tmp/l.circle" -o "$tmp/lfq.circle" --dtype int16 --granularity channel
expect_status 0 "$qgold" record-minmax "$tmp/lfq.circle" --data "$logistic_data" -o "$tmp/lrm.circle"
expect_status 0 "$qgold" quantize "$tmp/lrm.circle" -o "$tmp/lq.circle" --dtype int16 --granularity channel
expect_status 0 "$qgold" run "$tmp/lq.circle" --data "$logistic_data" --quantize-inputs -o "$tmp/l.h5"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all quantized run checks passed"

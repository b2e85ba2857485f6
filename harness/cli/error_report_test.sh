#!/usr/bin/env bash
# `qgold error-report` through the executable on a bundled recipe that qgold quantizes here
# (build -> fake-quant -> record-minmax -> quantize): the report names every activation in graph
# order, a perturbed weight lowers the SQNR of the tensors after it and only those, mixed
# precision's Quantize tensors are skipped and said so, and bad input exits 2 naming the file.
# Usage: error_report_test.sh QGOLD PERTURB_MODEL SOURCE_DIR
set -u
qgold=$1
perturb_model=$2
root=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=../util/test_lib.sh
source "$root/harness/util/test_lib.sh"

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
# sqnr FILE TENSOR: the SQNR column of TENSOR's row in a summary written with --top 0.
sqnr() {
  awk -v t="$2" '$1 == t && NF == 6 { print $3 }' "$1"
}

recipe=Net_ResidualBlock_000
data=$root/test_inputs/$recipe/layer/uint8
expect_status 0 "$qgold" build "$root/recipes/$recipe.yaml" -o "$tmp/f.circle"
expect_status 0 "$qgold" fake-quant "$tmp/f.circle" -o "$tmp/fq.circle" --dtype uint8 --granularity layer
expect_status 0 "$qgold" record-minmax "$tmp/fq.circle" --data "$data" -o "$tmp/rm.circle"
expect_status 0 "$qgold" quantize "$tmp/rm.circle" -o "$tmp/q.circle" --dtype uint8 --granularity layer

echo "== the report of the quantized residual block"
expect_status 0 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$data" --top 0 \
  --json "$tmp/report.json" --html "$tmp/report.html"
cp "$tmp/out" "$tmp/base.txt"
head -n 1 "$tmp/base.txt" | grep -qF "on 5 record(s) of $data: 4 tensor(s) compared, 0 skipped" ||
  fail "summary header: $(head -n 1 "$tmp/base.txt")"
grep -q '^output ofm: SQNR [0-9.]* dB, max [0-9.]* steps$' "$tmp/base.txt" ||
  fail "no output line for ofm: $(cat "$tmp/base.txt")"
for tensor in ifm conv1 conv2 ofm; do
  [ -n "$(sqnr "$tmp/base.txt" $tensor)" ] || fail "the summary has no row for $tensor: $(cat "$tmp/base.txt")"
done
# Worst first: the SQNR column never goes down.
awk 'NF == 6 && $2 == "uint8" { print $3 }' "$tmp/base.txt" | sort -g -c ||
  fail "the summary is not sorted worst first: $(cat "$tmp/base.txt")"
# Every SQNR of a working uint8 model is well above noise, and below the ideal of no error.
for tensor in ifm conv1 conv2 ofm; do
  awk -v s="$(sqnr "$tmp/base.txt" $tensor)" 'BEGIN { exit !(s > 20 && s < 80) }' ||
    fail "$tensor SQNR $(sqnr "$tmp/base.txt" $tensor) dB is outside (20, 80)"
done
# JSON: every tensor in graph order.
names=$(grep -o '"name": "[^"]*"' "$tmp/report.json" | cut -d'"' -f4 | tr '\n' ' ')
[ "$names" = "ifm conv1 conv2 ofm " ] || fail "JSON tensors in the wrong order: $names"
grep -q '"sqnr_db": [0-9]' "$tmp/report.json" || fail "JSON without a numeric sqnr_db"
grep -q '<svg class="plot" data-plot="bars" data-points="4"' "$tmp/report.html" ||
  fail "the HTML report has no SQNR plot of 4 tensors"
# The same inputs give the same bytes.
expect_status 0 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$data" --top 0 \
  --json "$tmp/again.json"
cmp -s "$tmp/report.json" "$tmp/again.json" || fail "two runs wrote different JSON"
# The default summary lists at most 10 tensors; --top 2 the two worst.
expect_status 0 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$data" --top 2
grep -q '^the 2 worst of 4 tensors' "$tmp/out" || fail "--top 2: $(cat "$tmp/out")"
[ "$(awk 'NF == 6 && $2 == "uint8"' "$tmp/out" | wc -l)" = 2 ] || fail "--top 2 lists: $(cat "$tmp/out")"

echo "== a perturbed weight of the second Conv2D"
expect_status 0 "$perturb_model" "$tmp/q.circle" "$tmp/bad.circle" ker2 weights 4 40
expect_status 0 "$qgold" error-report "$tmp/f.circle" "$tmp/bad.circle" --data "$data" --top 0
cp "$tmp/out" "$tmp/bad.txt"
for tensor in ifm conv1; do
  [ "$(sqnr "$tmp/bad.txt" $tensor)" = "$(sqnr "$tmp/base.txt" $tensor)" ] ||
    fail "$tensor is before ker2 but its SQNR moved: $(sqnr "$tmp/base.txt" $tensor) -> $(sqnr "$tmp/bad.txt" $tensor)"
done
for tensor in conv2 ofm; do
  before=$(sqnr "$tmp/base.txt" $tensor) after=$(sqnr "$tmp/bad.txt" $tensor)
  awk -v a="$before" -v b="$after" 'BEGIN { exit !(b < a - 1) }' ||
    fail "$tensor is after ker2 but its SQNR did not drop by 1 dB: $before -> $after"
done

echo "== mixed precision: the first Conv2D in int16"
echo '{"layers": [{"name": "conv1", "dtype": "int16", "granularity": "channel"}]}' >"$tmp/qconf.json"
mixed=$root/test_inputs/${recipe}_config/layer/uint8
expect_status 0 "$qgold" fake-quant "$tmp/f.circle" -o "$tmp/mfq.circle" --dtype uint8 --granularity layer \
  --config "$tmp/qconf.json"
expect_status 0 "$qgold" record-minmax "$tmp/mfq.circle" --data "$mixed" -o "$tmp/mrm.circle"
expect_status 0 "$qgold" quantize "$tmp/mrm.circle" -o "$tmp/mq.circle" --dtype uint8 --granularity layer \
  --config "$tmp/qconf.json"
expect_status 0 "$qgold" error-report "$tmp/f.circle" "$tmp/mq.circle" --data "$mixed" --top 0
grep -q "^skipped [a-z0-9]*_Quantize: only in $tmp/mq.circle (the output of Quantize)$" "$tmp/out" ||
  fail "mixed precision: no skipped Quantize tensor: $(cat "$tmp/out")"
awk '$1 == "conv1" && $2 == "int16"' "$tmp/out" | grep -q . || fail "conv1 is not int16: $(cat "$tmp/out")"

echo "== bad input"
# The models swapped, or the float model twice.
expect_status 2 "$qgold" error-report "$tmp/q.circle" "$tmp/f.circle" --data "$data"
expect_error "q.circle: tensor 'ifm' is already quantized (UINT8); expected a float32 model"
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/fq.circle" --data "$data"
expect_error "fq.circle: no activation is quantized (an integer tensor with a scale); expected the quantized model of $tmp/f.circle"
# A quantized model of another recipe.
expect_status 0 "$qgold" build "$root/recipes/Conv2D_000.yaml" -o "$tmp/c.circle"
expect_status 0 "$qgold" fake-quant "$tmp/c.circle" -o "$tmp/cfq.circle" --dtype uint8 --granularity layer
expect_status 0 "$qgold" record-minmax "$tmp/cfq.circle" --data "$root/test_inputs/Conv2D_000/layer/uint8" -o "$tmp/crm.circle"
expect_status 0 "$qgold" quantize "$tmp/crm.circle" -o "$tmp/cq.circle" --dtype uint8 --granularity layer
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/cq.circle" --data "$data"
expect_error "input 0: 'ifm' [1,4,4,3] in $tmp/f.circle, 'ifm' [1,4,3,2] in $tmp/cq.circle; expected the same name and shape"
# Data of another shape, codes instead of floats, a NaN.
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$root/test_inputs/Conv2D_000/layer/uint8"
expect_error "0.txt"
expect_status 0 "$qgold" gen-data "$tmp/q.circle" --records 2 -o "$tmp/codes.h5"
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$tmp/codes.h5"
expect_error "expected float32 [1,4,4,3], got uint8 [1,4,4,3]"
mkdir "$tmp/nan"
cp "$data"/*.txt "$tmp/nan/"
sed -i 's/^[^,]*,[^,]*,/0.5,nan,/' "$tmp/nan/3.txt"
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$tmp/nan" --json "$tmp/x.json" \
  --html "$tmp/x.html"
expect_error "record '3.txt', input 0 ('ifm'), index 1: nan; expected a finite value"
[ ! -e "$tmp/x.json" ] && [ ! -e "$tmp/x.html" ] || fail "a failed error-report left a report behind"
# A report into a folder that does not exist fails before the work.
expect_status 2 "$qgold" error-report "$tmp/f.circle" "$tmp/q.circle" --data "$data" --html "$tmp/no/r.html"
expect_error "$tmp/no/r.html"

finish "all error-report checks passed"

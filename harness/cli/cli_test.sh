#!/usr/bin/env bash
# Smoke test of the qgold executable: build, inspect --json, --version and the
# exit status of bad usage / bad input. Usage: cli_test.sh QGOLD ONE_POTA_DIR
set -u
qgold=$1
suite=$2
if [ ! -d "$suite" ]; then
  echo "skipped: $suite not present"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=../util/test_lib.sh
source "$(dirname "$0")/../util/test_lib.sh"

# expect_status STATUS COMMAND...: runs COMMAND, checks its exit status.
expect_status() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 "$tmp/err")"
}

expect_status 0 "$qgold" --version
grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"

expect_status 0 "$qgold" build "$suite/recipes/Conv2D_004/test.recipe" -o "$tmp/conv.circle"
[ -s "$tmp/conv.circle" ] || fail "build wrote no model"

expect_status 0 "$qgold" inspect --json "$tmp/conv.circle"
if command -v jq >/dev/null; then
  jq -e '[.tensors[].name] == ["ifm", "ker", "bias", "ofm"] and (.operators | length) == 1' \
    "$tmp/out" >/dev/null || fail "inspect --json: unexpected content: $(head -c 300 "$tmp/out")"
else
  grep -q '"ker"' "$tmp/out" || fail "inspect --json does not list tensor ker"
fi

expect_status 0 "$qgold" build --help
grep -q -- "--output" "$tmp/out" || fail "build --help does not mention --output"

# Usage errors: exit 2 with a qgold: error: message.
expect_status 2 "$qgold"
expect_status 2 "$qgold" no-such-command
grep -qx "qgold: error: unknown command 'no-such-command'; run qgold --help" "$tmp/err" ||
  fail "unknown command: $(cat "$tmp/err")"
expect_status 0 "$qgold" verify --help
grep -Eq -- '-j,--jobs UINT=1 ' "$tmp/out" || fail "verify --help does not show the --jobs default"
expect_status 2 "$qgold" build "$suite/recipes/Conv2D_004/test.recipe"
grep -q '^qgold: error: ' "$tmp/err" || fail "usage error without 'qgold: error:' prefix"
expect_status 2 "$qgold" fake-quant "$tmp/conv.circle" -o "$tmp/fq.circle" --dtype int4 --granularity layer
# Bad input: exit 2 too.
printf 'not a model' >"$tmp/bad.circle"
expect_status 2 "$qgold" inspect "$tmp/bad.circle"
grep -q "bad.circle" "$tmp/err" || fail "bad model error does not name the file"
expect_status 2 "$qgold" build "$suite/recipes/Conv2D_004/test.recipe" -o "$tmp/model.onnx"

# verify: a suite with one wrong golden exits 1 and names the value.
mini=$tmp/suite
mkdir -p "$mini/recipes/Relu" "$mini/expected_outputs/Relu/layer/uint8/record_minmax" \
  "$mini/expected_outputs/Relu/layer/uint8/quantization"
printf 'recipe\tgranularity\tdtype\tsteps_chained\tsteps_isolated\tnote\nRelu\tlayer\tuint8\t-\tquantization\t-\n' \
  >"$mini/suite.tsv"
write_relu_recipe "$mini/recipes/Relu/test.recipe" ifm ofm 1 2
for t in ifm ofm; do
  echo '{"min": 0.0, "max": 2.55}' >"$mini/expected_outputs/Relu/layer/uint8/record_minmax/$t.json"
done
echo '{"scale": 0.01, "zero_point": 0.0}' >"$mini/expected_outputs/Relu/layer/uint8/quantization/ifm.json"
echo '{"scale": 0.01, "zero_point": 3.0}' >"$mini/expected_outputs/Relu/layer/uint8/quantization/ofm.json"
expect_status 1 "$qgold" verify --suite "$mini" --json "$tmp/report.json"
grep -q '^FAIL Relu/layer/uint8 quantization ofm zero_point\[0\] expected 3 got 0 (diff 3, 3 steps)$' "$tmp/out" ||
  fail "verify output: $(cat "$tmp/out")"
tail -n 1 "$tmp/out" | grep -qxF "1 passed, 1 failed (suite $mini)" || fail "verify summary: $(tail -n 1 "$tmp/out")"
[ -s "$tmp/report.json" ] || fail "verify --json wrote nothing"
echo '{"scale": 0.01, "zero_point": 0.0}' >"$mini/expected_outputs/Relu/layer/uint8/quantization/ofm.json"
expect_status 0 "$qgold" verify --suite "$mini"
# regen writes bundled suites only: ONE's goldens are not regenerated (nor listed as orphans).
expect_status 2 "$qgold" regen --suite "$mini" --check
grep -q "^qgold: error: $mini: a suite.tsv suite (ONE's pota layout) holds ONE's goldens" "$tmp/err" ||
  fail "regen of a suite.tsv suite: $(cat "$tmp/out" "$tmp/err")"

# The chain writes three valid Circle models; inspect reads each back, and the
# quantization parameters sit where the spec puts them.
conv_inputs=$suite/test_inputs/Conv2D_004/channel/uint8
expect_status 0 "$qgold" fake-quant "$tmp/conv.circle" -o "$tmp/fq.circle" --dtype uint8 --granularity channel
expect_status 0 "$qgold" record-minmax "$tmp/fq.circle" --data "$conv_inputs" -o "$tmp/rm.circle"
expect_status 0 "$qgold" quantize "$tmp/rm.circle" -o "$tmp/q.circle" --dtype uint8 --granularity channel
for step in fq rm q; do
  expect_status 0 "$qgold" inspect --json "$tmp/$step.circle"
  cp "$tmp/out" "$tmp/$step.json"
done
# fake-quant: the kernel stays float32 and carries per-channel parameters.
tr -d ' \n' <"$tmp/fq.json" | grep -q '"name":"ker","quantization":{[^}]*"zero_point":\[119,136\]' ||
  fail "fake-quantized ker lacks its zero points: $(head -c 400 "$tmp/fq.json")"
# record-minmax: activations carry min/max only.
tr -d ' \n' <"$tmp/rm.json" | grep -q '"name":"ifm","quantization":{"max":\[[^]]*\],"min":' ||
  fail "recorded ifm lacks min/max: $(head -c 400 "$tmp/rm.json")"
# verify --model against a case of ONE's suite (not the bundled case of the same name).
expect_status 0 "$qgold" verify --suite "$suite" --model "$tmp/q.circle" --case Conv2D_004/channel/uint8
tail -n 1 "$tmp/out" | grep -qxF "4 passed, 0 failed (suite $suite)" || fail "--model on ONE's suite: $(cat "$tmp/out")"
expect_status 1 "$qgold" verify --suite "$suite" --model "$tmp/fq.circle" --case Conv2D_004/channel/uint8
grep -q 'model has no quantized tensors' "$tmp/out" || fail "--model fq.circle: $(cat "$tmp/out")"
expect_status 2 "$qgold" verify --suite "$suite" --model "$tmp/q.circle" --case Nope_000/channel/uint8
grep -q "^qgold: error: --case 'Nope_000/channel/uint8': no such case in .*suite.tsv" "$tmp/err" ||
  fail "--case not in suite.tsv: $(cat "$tmp/err")"
# quantize: uint8 kernel, int32 bias.
expect_status 0 "$qgold" inspect "$tmp/q.circle"
grep -Eq 'ker.*UINT8' "$tmp/out" && grep -Eq 'bias.*INT32' "$tmp/out" ||
  fail "quantized model types: $(cat "$tmp/out")"

finish "all CLI checks passed"

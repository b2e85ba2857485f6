#!/usr/bin/env bash
# Backend adapters end to end: qgold's own CLI as an external toolchain (all
# goldens pass, inference included), a faulty toolchain that moves one zero
# point or one weight (caught, the value named), a runtime that computes on a
# model with one weight code moved (caught in the inference codes), a failing command (exit 1), a command that cannot
# be executed (exit 2), a missing step (skipped), and `verify --model`.
# The same adapters run ONE's suite.tsv suite when it is present.
# Usage: adapter_test.sh QGOLD PERTURB_MODEL [ONE_POTA_DIR]
set -uo pipefail
qgold=$1 perturb=$2 one=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=../util/test_lib.sh
source "$(dirname "$0")/../util/test_lib.sh"

# $1 adapter file; the quantization step's extra command (optional) follows;
# then extra record-minmax arguments as one YAML list fragment (optional).
write_adapter() {
  local file=$1 extra=${2:-} record_args=${3:-}
  local quant_out='"{output_model}"'
  [[ -n $extra ]] && quant_out='"{workdir}/q.circle"'
  cat >"$file" <<YAML
format: circle
steps:
  fake_quantization:
    - ["{qgold}", fake-quant, "{input_model}", -o, "{output_model}", --dtype, "{dtype}",
       --granularity, "{granularity}", [--config, "{config}"]]
  record_minmax:
    - ["{qgold}", record-minmax, "{input_model}", --data, "{data}", -o, "{output_model}"$record_args]
  quantization:
    - ["{qgold}", quantize, "{input_model}", -o, $quant_out, --dtype, "{dtype}",
       --granularity, "{granularity}", [--config, "{config}"]]
$extra
  inference:
    - ["{qgold}", run, "{input_model}", --data, "{data}", --all-tensors, -o, "{output}"]
  wo_quantization:
    - ["{qgold}", quantize-weights, "{input_model}", -o, "{output_model}", --dtype, "{dtype}",
       --granularity, "{granularity}"]
YAML
}

cases=(Conv2D_001 Conv2D_001_config Tanh_001 'Net_*')

# $1 label; the rest are verify's arguments. Every golden must pass (or be
# skipped, for a step the adapter has no command for).
expect_all_pass() {
  local label=$1 out status last
  shift
  out=$("$qgold" verify "$@" "${cases[@]}" 2>&1)
  status=$?
  last=$(tail -n1 <<<"$out")
  if [[ $status != 0 || ! $last =~ ^[1-9][0-9]*\ passed,\ 0\ failed(,\ [0-9]+\ skipped)?\ \(suite\  ]]; then
    fail "$label: exit $status, $last"
    grep -v '^PASS' <<<"$out" | head -n 40
  fi
  echo "$label: $last"
}

# $1 label, $2 extended regex the output must match; the rest are verify's
# arguments. verify must exit 1 (a mismatch); its output is left in $out.
expect_mismatch() {
  local label=$1 pattern=$2 status
  shift 2
  out=$("$qgold" verify "$@" 2>&1)
  status=$?
  [[ $status == 1 ]] || fail "$label: exit $status (expected 1)"
  grep -Eq "$pattern" <<<"$out" || fail "$label not named: $out"
}

# The goldens are calibrated with the reference kernels, so the CLI with
# --backend reference reproduces them bit for bit.
write_adapter "$work/reference.yaml" "" ', --backend, reference'
expect_all_pass "self adapter, reference kernels, --exact" --backend "$work/reference.yaml" --exact --jobs 0
# oneDNN (the default) sums in a CPU-dependent order: min/max move by a few
# ulps, and int16-model bias codes (~1e7) with them; the tolerances and the
# scale allowance (docs/harness.md) must absorb that on any machine. A model
# whose scales differ by ~1e-7 computes other codes (int16 blocks: a few), so
# this adapter has no inference step: its inference goldens are skipped.
write_adapter "$work/good.yaml"
sed -i '/^  inference:/,+1d' "$work/good.yaml"
expect_all_pass "self adapter, default kernels" --backend "$work/good.yaml" --jobs 0

# An adapter with the reference kernels whose record-minmax puts the max of
# `pool` (an int16 tensor) $1 (relative) away.
write_moved_adapter() {
  sed "s|-o, \"{output_model}\"\\(.*\\)\\]$|-o, \"{workdir}/rm.circle\"\\1]\\
    - [\"$perturb\", \"{workdir}/rm.circle\", \"{output_model}\", pool, max, 0, \"$1\"]|" \
    "$work/reference.yaml" >"$work/moved.yaml"
  grep -q 'pool, max' "$work/moved.yaml" || fail "moved adapter not written"
}
# 6e-7 away is 0.02 steps of pool, within qgold's tolerances (0.03 steps, scales
# 1e-6); the int16 model's fc_bias codes (~1.5e7) move by ~9 with the scale,
# beyond the ±5 of int64 codes, yet every golden passes because the scale
# explains the move.
write_moved_adapter 6e-7
out=$("$qgold" verify --backend "$work/moved.yaml" Net_ConvReluPoolFcSoftmax_000/channel/int16 2>&1) ||
  fail "record-minmax 6e-7 away: $out"
echo "record-minmax 6e-7 away: $(tail -n1 <<<"$out")"
# 3e-6 away is 0.1 steps: caught, in the recorded range and in the scale.
write_moved_adapter 3e-6
expect_mismatch "record-minmax 3e-6 away" \
  '^FAIL Net_ConvReluPoolFcSoftmax_000/channel/int16 record_minmax pool max\[0\] expected [0-9.e-]+ got [0-9.e-]+ \(diff [0-9.e-]+, 0\.09[0-9]* steps\)$' \
  --backend "$work/moved.yaml" Net_ConvReluPoolFcSoftmax_000/channel/int16
grep -Eq '^FAIL Net_ConvReluPoolFcSoftmax_000/channel/int16 quantization pool scale\[0\] .*moves the end codes by 0\.09[0-9]*\)$' <<<"$out" ||
  fail "record-minmax 3e-6 away: pool scale not named: $out"
echo "record-minmax 3e-6 away: $(grep -c '^FAIL' <<<"$out") failure lines"

# ONE's suite (suite.tsv) runs through the same backends: chained steps, and
# isolated quantization fed the record_minmax goldens between the adapter's steps.
if [[ -n $one && -d $one ]]; then
  for adapter in reference good; do
    out=$("$qgold" verify --backend "$work/$adapter.yaml" --suite "$one" --jobs 0 2>&1)
    status=$?
    [[ $status == 0 && $(tail -n1 <<<"$out") =~ ^49\ passed,\ 0\ failed ]] ||
      fail "ONE's suite through the $adapter adapter: exit $status: $out"
    echo "ONE's suite, $adapter adapter: $(tail -n1 <<<"$out")"
  done
else
  echo "ONE's suite not present: its adapter runs skipped"
fi

write_adapter "$work/zero_point.yaml" "    - [\"$perturb\", \"{workdir}/q.circle\", \"{output_model}\", ofm, zero_point, 0, 3]"
expect_mismatch "faulty zero point" \
  '^FAIL Conv2D_001/layer/uint8 quantization ofm zero_point\[0\] expected 0 got 3 \(diff 3, 3 steps\)' \
  --backend "$work/zero_point.yaml" Conv2D_001/layer/uint8
# One quantization golden fails; the inference codes computed with that zero point move too.
[[ $(grep -c '^FAIL Conv2D_001/layer/uint8 quantization ' <<<"$out") == 1 ]] ||
  fail "faulty zero point: more than one quantization failure: $out"
grep -q '^FAIL Conv2D_001/layer/uint8 inference ofm' <<<"$out" ||
  fail "faulty zero point: inference codes of ofm did not move: $out"
echo "faulty zero point: $(grep '^FAIL' <<<"$out" | head -n 2 | tr '\n' ' ')"

# A runtime whose kernels read one weight code 40 codes off: the quantization
# goldens pass, the inference codes after the weight fail, named by tensor.
sed 's|^    - \["{qgold}", run, "{input_model}"|    - ["'"$perturb"'", "{input_model}", "{workdir}/runtime.circle", ker, weights, 0, 40]\
    - ["{qgold}", run, "{workdir}/runtime.circle"|' "$work/reference.yaml" >"$work/runtime.yaml"
grep -q 'runtime.circle", ker' "$work/runtime.yaml" || fail "runtime adapter not written"
expect_mismatch "runtime off by one weight" \
  '^FAIL Conv2D_001/layer/uint8 inference ofm codes: [0-9]+ of [0-9]+ codes \([0-9.]+%\) differ by more than 0, by up to [0-9]+$' \
  --backend "$work/runtime.yaml" Conv2D_001/layer/uint8
grep -q '^FAIL Conv2D_001/layer/uint8 quantization' <<<"$out" && fail "runtime off by one weight: quantization failed: $out"
echo "runtime off by one weight: $(grep '^FAIL' <<<"$out" | head -n 2 | tr '\n' ' ')"

write_adapter "$work/weight.yaml" "    - [\"$perturb\", \"{workdir}/q.circle\", \"{output_model}\", ker, weights, 7, 2]"
expect_mismatch "faulty weight" \
  '^FAIL Conv2D_001/channel/uint8 quantization ker weights\[7\] expected [0-9]+ got [0-9]+ \(diff 2, 2 steps\)' \
  --backend "$work/weight.yaml" Conv2D_001/channel/uint8
echo "faulty weight: $(grep '^FAIL' <<<"$out" | head -n 2 | tr '\n' ' ')"

write_adapter "$work/broken.yaml" '    - ["false"]'
expect_mismatch "failing command" \
  'FAIL Conv2D_001/layer/uint8 quantization: .*step quantization command 2 `false` exited with status 1' \
  --backend "$work/broken.yaml" Conv2D_001/layer/uint8

# A program that cannot be executed is a wrong adapter, not a failing case.
printf 'echo hi\n' >"$work/not-executable"
for program in "$work/no-such-tool" "$work/not-executable"; do
  write_adapter "$work/unrunnable.yaml" "    - [\"$program\"]"
  out=$("$qgold" verify --backend "$work/unrunnable.yaml" --jobs 2 Conv2D_001 2>&1)
  status=$?
  [[ $status == 2 ]] || fail "$program: exit $status (expected 2)"
  grep -q "^qgold: error: $work/unrunnable.yaml: step quantization command 2: cannot execute \`$program\`" <<<"$out" ||
    fail "$program: adapter, step and command not named: $out"
done

# Steps the adapter lacks are skipped (qgold's engine stands in for them).
head -n -3 "$work/reference.yaml" >"$work/no_wo.yaml"
out=$("$qgold" verify --backend "$work/no_wo.yaml" Conv2D_001 2>&1) || fail "no wo_quantization step: $out"
grep -qx "SKIP wo_quantization: $work/no_wo.yaml has no command for this step (2 golden(s) of 2 case(s) not checked)" <<<"$out" &&
  [[ $(tail -n1 <<<"$out") =~ ^[1-9][0-9]*\ passed,\ 0\ failed,\ 2\ skipped\ \(suite\  ]] ||
  fail "no wo_quantization step: $out"
echo "no wo_quantization step: $(tail -n1 <<<"$out")"

# A model quantized elsewhere, checked with --model.
s=$(dirname "$0")/../..
"$qgold" build "$s/recipes/Conv2D_001.yaml" -o "$work/m.circle" >/dev/null &&
  "$qgold" fake-quant "$work/m.circle" -o "$work/fq.circle" --dtype uint8 --granularity layer >/dev/null &&
  "$qgold" record-minmax "$work/fq.circle" --data "$s/test_inputs/Conv2D_001/layer/uint8" -o "$work/rm.circle" >/dev/null 2>&1 &&
  "$qgold" quantize "$work/rm.circle" -o "$work/q.circle" --dtype uint8 --granularity layer >/dev/null ||
  fail "quantizing Conv2D_001 by hand"
out=$("$qgold" verify --model "$work/q.circle" --case Conv2D_001/layer/uint8 2>&1) || fail "--model: $out"
echo "--model: $(tail -n1 <<<"$out")"
out=$("$qgold" verify --model "$work/fq.circle" --case Conv2D_001/layer/uint8 2>&1)
[[ $? == 1 ]] && [[ $(grep -c '^FAIL' <<<"$out") == 1 ]] &&
  grep -qx 'FAIL Conv2D_001/layer/uint8 quantization: model has no quantized tensors: expected the output of the quantization step' <<<"$out" ||
  fail "--model with a fake-quantized model: $out"
# A case without goldens: the regen hint names the suite verify was given.
mkdir -p "$work/suite/recipes" "$work/suite/harness"
cp "$s/recipes/Conv2D_001.yaml" "$work/suite/recipes/"
out=$("$qgold" verify --suite "$work/suite" Conv2D_001/layer/uint8 2>&1)
[[ $? == 1 ]] && grep -qF "(run \`qgold regen --suite $work/suite Conv2D_001/layer/uint8\`)" <<<"$out" ||
  fail "missing goldens hint: $out"
"$perturb" "$work/q.circle" "$work/bad.circle" bias weights 1 9
out=$("$qgold" verify --model "$work/bad.circle" --case Conv2D_001/layer/uint8 2>&1)
[[ $? == 1 ]] && grep -q 'FAIL Conv2D_001/layer/uint8 quantization bias weights\[1\]' <<<"$out" ||
  fail "--model perturbed bias not caught: $out"

finish "all adapter checks passed"

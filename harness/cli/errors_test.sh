#!/usr/bin/env bash
# Bad input through the real qgold executable: the exit status (2 = bad input
# or usage, never 3 or a signal), the message docs/errors.md quotes, and that
# hostile tensor and recipe names never make qgold write outside its folders.
# Usage: errors_test.sh QGOLD
set -u
qgold=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# shellcheck source=../util/test_lib.sh
source "$src/harness/util/test_lib.sh"

# expect STATUS MESSAGE COMMAND...: exit status STATUS and MESSAGE (a fixed string,
# may be empty) in the output (regen reports per-case errors on stdout).
expect() {
  local want=$1 message=$2
  shift 2
  "$@" >out 2>err
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 err)"
  [ -z "$message" ] || cat out err | grep -qF -- "$message" ||
    fail "$*: output lacks '$message': $(head -c 300 err)"
}

write_relu_recipe relu.recipe in out 1 3
"$qgold" build relu.recipe -o relu.circle >/dev/null || fail "cannot build relu.circle"

# Recipes.
printf 'operand {\n  name: "a"\n  type FLOAT32\n}\n' >syntax.recipe
expect 2 "qgold: error: syntax.recipe:3:8: Expected \":\", found \"FLOAT32\"." \
  "$qgold" build syntax.recipe -o x.circle
printf 'operands:\n  - {name: a, type: FLOAT32, shape: [1, 2}\n' >syntax.yaml
expect 2 "qgold: error: syntax.yaml:2:" "$qgold" build syntax.yaml -o x.circle
printf 'operand { name: "k" type: FLOAT32 shape { dim: 4096 } filler { tag: "constant" arg: "1" } }\n' >big.recipe
QGOLD_MAX_CONSTANT_BYTES=1000 expect 2 \
  "big.recipe:1:1: operand 'k' shape [4096] is too large to fill (limit 1000 bytes, set QGOLD_MAX_CONSTANT_BYTES to raise it)" \
  "$qgold" build big.recipe -o x.circle
[ ! -e x.circle ] || fail "a failed build left x.circle behind"

# Datasets (one .txt file per record, one line per input).
mkdir count shape value empty nan
printf '1,2,3\n4,5,6\n' >count/0.txt
printf '1,2\n' >shape/0.txt
printf '1,abc,3\n' >value/0.txt
printf '1,2,3\n' >nan/0.txt
printf '1,nan,3\n' >nan/1.txt
printf -- '-1,0,9\n' >nan/2.txt
expect 2 "count/0.txt: holds 2 non-blank lines, expected 1 (one line per model input)" \
  "$qgold" record-minmax relu.circle --data count -o rm.circle
expect 2 "shape/0.txt:1: input 0 ('in'): expected 3 comma-separated values for float32 [1,3], got 2" \
  "$qgold" record-minmax relu.circle --data shape -o rm.circle
expect 2 "value/0.txt:1:3: input 0 ('in'), value 1: expected a float32 number, got 'abc'" \
  "$qgold" record-minmax relu.circle --data value -o rm.circle
expect 2 "empty: holds no .txt or .npy files" "$qgold" record-minmax relu.circle --data empty -o rm.circle
# NaN or Inf names the dataset file, whatever its format: a .txt record, an
# HDF5 file (run carries the NaN through ReLU) and a .npy file.
expect 2 "qgold: error: nan/1.txt: input 0 ('in') has the non-finite value nan at index 1" \
  "$qgold" record-minmax relu.circle --data nan -o rm.circle
expect 0 "" "$qgold" run relu.circle --data nan -o nan.h5
expect 2 "qgold: error: nan.h5: record 1: input 0 ('in') has the non-finite value nan at index 1" \
  "$qgold" record-minmax relu.circle --data nan.h5 -o rm.circle
{ # a float32 [1,3] .npy file holding 1, NaN, 3
  printf '\x93NUMPY\x01\x00\x76\x00'
  printf "%-117s\n" "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }"
  printf '\x00\x00\x80\x3f\x00\x00\xc0\x7f\x00\x00\x40\x40'
} >nan.npy
expect 2 "qgold: error: nan.npy: input 0 ('in') has the non-finite value nan at index 1" \
  "$qgold" record-minmax relu.circle --data nan.npy -o rm.circle
expect 0 "qgold: warning: skipped 1 record(s) with NaN or Inf inputs" \
  "$qgold" record-minmax relu.circle --data nan -o rm.circle --skip-nonfinite --mode minmax
"$qgold" inspect --json rm.circle | tr -d ' \n' | grep -q '"min":\[-1' || fail "--skip-nonfinite: min of records 0 and 2 is not -1"
# A corrupt HDF5 file on which libhdf5 1.10 itself segfaults (found by fuzzing;
# its record 0 fits a [2,3] input). Under ASan (the sanitizer build) libhdf5's
# huge malloc must fail as in a plain build, for libhdf5 to reach its crash.
segfault_h5=$src/engine/data/testdata/libhdf5_segfault.h5
sed 's/dim: 1 dim: 3/dim: 2 dim: 3/' relu.recipe >relu_wide.recipe
"$qgold" build relu_wide.recipe -o relu_wide.circle >/dev/null || fail "cannot build relu_wide.circle"
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}allocator_may_return_null=1 expect 2 \
  "$segfault_h5: libhdf5 crashed reading this file (signal 11: SIGSEGV); the file is corrupt" \
  "$qgold" record-minmax relu_wide.circle --data "$segfault_h5" -o rm.circle

# Models.
head -c 100 relu.circle >truncated.circle
expect 2 "truncated.circle: not a valid Circle model: flatbuffer verification failed" "$qgold" inspect truncated.circle
printf 'not a model' >garbage.circle
expect 2 "garbage.circle" "$qgold" inspect garbage.circle
expect 2 "qgold: error:" "$qgold" inspect missing.circle

# Steps that take a float model refuse a quantized one; record-minmax threads and options.
"$qgold" quantize rm.circle -o q.circle --dtype uint8 --granularity layer >/dev/null || fail "cannot quantize rm.circle"
quantized="q.circle: tensor 'in' is already quantized (UINT8); expected a float32 model"
expect 2 "$quantized" "$qgold" fake-quant q.circle -o refused.circle --dtype uint8 --granularity layer
expect 2 "$quantized" "$qgold" record-minmax q.circle --data nan -o refused.circle
expect 2 "$quantized" "$qgold" quantize q.circle -o refused.circle --dtype uint8 --granularity layer
expect 2 "$quantized" "$qgold" quantize-weights q.circle -o refused.circle --dtype int8
[ ! -e refused.circle ] || fail "a step refusing a quantized model wrote its output"
expect 0 "wrote rm_threads.circle" \
  "$qgold" record-minmax relu.circle --data nan --skip-nonfinite -o rm_threads.circle --threads 100000
expect 2 "qgold: error: --moving-avg-batch: 0 is not in [1, 4294967295]" \
  "$qgold" record-minmax relu.circle --data nan -o rm.circle --moving-avg-batch 0
expect 2 "qgold: error: record-minmax: min percentile 99 is above max percentile 1" \
  "$qgold" record-minmax relu.circle --data nan -o rm.circle --min-percentile 99 --max-percentile 1

# qconf and goldens.
echo '{"layers": [{"name": "out", "dtype": "int4", "granularity": "layer"}]}' >dtype.json
expect 2 "dtype.json: layers[0]: dtype 'int4' is not uint8 or int16" \
  "$qgold" fake-quant relu.circle -o fq.circle --dtype uint8 --granularity layer --config dtype.json
echo '{"layers": [' >truncated.json
expect 2 "truncated.json: malformed JSON at byte 14" \
  "$qgold" fake-quant relu.circle -o fq.circle --dtype uint8 --granularity layer --config truncated.json
echo '{"layers": 1e999}' >overflow.json
expect 2 "overflow.json: malformed JSON" \
  "$qgold" fake-quant relu.circle -o fq.circle --dtype uint8 --granularity layer --config overflow.json

# Usage.
expect 2 "qgold: error:" "$qgold" record-minmax relu.circle -o rm.circle
expect 2 "qgold: error:" "$qgold" quantize relu.circle -o q.circle --dtype uint7 --granularity layer

# Hostile names: regen writes one golden per tensor and one folder per recipe;
# nothing may land outside the suite's expected_outputs/ and test_inputs/.
long=$(printf 'n%.0s' $(seq 300))
mkdir -p suite/recipes suite/harness
cat >suite/recipes/Hostile.yaml <<RECIPE
name: Hostile
operands:
  - {name: "../up", type: FLOAT32, shape: [1, 3]}
  - {name: "/abs/t", type: FLOAT32, shape: [1, 3]}
  - {name: "nl\nx\0z/../../w", type: FLOAT32, shape: [1, 3]}
  - {name: "$long", type: FLOAT32, shape: [1, 3]}
operations:
  - {type: ReLU, inputs: ["../up"], outputs: ["/abs/t"]}
  - {type: ReLU, inputs: ["/abs/t"], outputs: ["nl\nx\0z/../../w"]}
  - {type: ReLU, inputs: ["nl\nx\0z/../../w"], outputs: ["$long"]}
inputs: ["../up"]
outputs: ["$long"]
calibration: {records: 2, min: -1.0, max: 1.0}
tests:
  - {granularity: layer, dtype: uint8}
RECIPE
expect 0 "" "$qgold" regen --suite suite
# Each step folder holds exactly the four goldens, under escaped names.
for step in record_minmax quantization inference; do
  dir=suite/expected_outputs/Hostile/layer/uint8/$step
  [ "$(find "$dir" -type f | wc -l)" -eq 4 ] || fail "$dir: $(find "$dir" -type f | wc -l) files, want 4"
  for stem in .._up _abs_t 'nl%0Ax%00z_.._.._w'; do
    [ -f "$dir/$stem.json" ] || fail "$dir/$stem.json missing"
  done
done
for name in "../x" "/abs" ".hidden" "a/b"; do
  rm -rf bad && mkdir -p bad/recipes bad/harness
  sed "s|^name: Hostile|name: \"$name\"|" suite/recipes/Hostile.yaml >bad/recipes/Bad.yaml
  expect 2 "recipe name '$name' cannot name a case folder" "$qgold" regen --suite bad
done
sed "s|^name: Hostile|name: \"r$long\"|" suite/recipes/Hostile.yaml >bad/recipes/Bad.yaml
expect 2 "File name too long" "$qgold" regen --suite bad
# Nothing outside the two output folders and the inputs of this test.
stray=$(find . -newer relu.recipe -type f ! -path './suite/expected_outputs/*' ! -path './suite/test_inputs/*' \
  ! -path './bad/*' ! -path './suite/recipes/*' | grep -vE '^\./(out|err|[a-z_]+\.(circle|json|recipe|yaml|h5|npy)|(count|shape|value|nan)/[0-9]\.txt)$')
[ -z "$stray" ] || fail "files written outside the output folders: $stray"
[ ! -e "$tmp/up" ] && [ ! -e /abs ] && [ ! -e "$tmp/suite/expected_outputs/Hostile/layer/w.json" ] ||
  fail "a hostile name escaped its folder"

# Broken suites: exit 2 naming the file and what is wrong, not a mismatch (exit
# 1), so a nightly tells a broken suite from a regressed backend.
cp -r suite broken
ifm=broken/expected_outputs/Hostile/layer/uint8/quantization/.._up.json
printf '{"scale": 0.01, "zero_point": ' >"$ifm"
expect 2 "qgold: error: $ifm: not valid JSON" "$qgold" verify --suite broken
rm -rf broken && cp -r suite broken
sed -i '1s/^[^,]*/nan/' broken/test_inputs/Hostile/layer/uint8/0.txt
expect 2 "qgold: error: broken/test_inputs/Hostile/layer/uint8/0.txt: input 0 ('../up') has the non-finite value nan at index 0" \
  "$qgold" verify --suite broken
expect 2 "broken/test_inputs/Hostile/layer/uint8/0.txt: input 0 ('../up') has the non-finite value nan" \
  "$qgold" regen --suite broken --check
# ONE's layout: a row naming a missing recipe, folder or file; a malformed row.
mkdir -p pota/recipes/Relu pota/expected_outputs/Relu/layer/uint8/quantization pota/test_inputs/Relu/layer/uint8
header='recipe\tgranularity\tdtype\tsteps_chained\tsteps_isolated\tnote\n'
printf "${header}Relu\tlayer\tuint8\tquantization\t-\t-\n" >pota/suite.tsv
expect 2 "qgold: error: pota/suite.tsv:2: case Relu/layer/uint8: recipe pota/recipes/Relu/test.recipe does not exist" \
  "$qgold" verify --suite pota
cp relu.recipe pota/recipes/Relu/test.recipe
printf "${header}Relu\tlayer\tuint8\trecord_minmax,quantization\t-\t-\n" >pota/suite.tsv
expect 2 "qgold: error: pota/suite.tsv:2: case Relu/layer/uint8: record_minmax golden folder pota/expected_outputs/Relu/layer/uint8/record_minmax does not exist" \
  "$qgold" verify --suite pota
printf "${header}Relu\tlayer\tuint8\t-\tquantization\t-\n" >pota/suite.tsv
expect 2 "qgold: error: pota/suite.tsv:2: case Relu/layer/uint8: record_minmax golden folder (the ranges an isolated quantization is fed) pota/expected_outputs/Relu/layer/uint8/record_minmax does not exist" \
  "$qgold" verify --suite pota
printf "${header}Relu\tlayers\tuint8\t-\tquantization\t-\n" >pota/suite.tsv
expect 2 "qgold: error: pota/suite.tsv:2: unknown granularity 'layers' (expected layer or channel)" \
  "$qgold" verify --suite pota

# Output files: every writing command checks its folder before any work; symlinks survive,
# a FIFO is written in place, and a failed run leaves the previous output as it was.
for cmd in "build relu.recipe" "convert-recipe relu.recipe" "dump relu.circle" \
  "fake-quant relu.circle --dtype uint8 --granularity layer" \
  "record-minmax relu.circle --data nan" \
  "quantize relu.circle --dtype uint8 --granularity layer" \
  "quantize-weights relu.circle --dtype int8 --granularity channel" "run relu.circle --data nan" \
  "gen-data relu.circle --records 1"; do
  expect 2 "missing/o.circle: folder missing does not exist" "$qgold" $cmd -o missing/o.circle
done
for report in --json --junit; do
  expect 2 "missing/v: folder missing does not exist" \
    "$qgold" verify --suite suite $report missing/v
  [ ! -s out ] || fail "verify $report missing/v ran the suite first: $(head -c 300 out)"
done
expect 2 "--output -: only --json and --junit can go to standard output" \
  "$qgold" build relu.recipe -o -
expect 0 "" "$qgold" verify --suite suite --json -
head -c 1 out | grep -q '{' && grep -qF ' passed, 0 failed (suite suite)' err ||
  fail "verify --json -: $(head -c 300 out)"
# Without --suite, the suite the working directory is in wins over the checkout
# qgold was built in, and the summary names it: a golden edited in a second
# clone is checked there.
here=$(pwd -P)
(cd suite/recipes && "$qgold" verify) >out 2>err
# Every golden counts, ".._up.json" (of tensor "../up") too: 4 tensors, 3 steps.
tail -n 1 out | grep -qxF "12 passed, 0 failed (suite $here/suite)" ||
  fail "verify inside a suite: $(tail -n 1 out) $(head -c 300 err)"
ofm=suite/expected_outputs/Hostile/layer/uint8/quantization/_abs_t.json
cp "$ofm" ofm.json
sed -i 's/"zero_point": [0-9]*/"zero_point": 7/' "$ofm"
(cd suite && "$qgold" verify) >out 2>err
[ $? -eq 1 ] && grep -q "zero_point\[0\] expected 7 got" out ||
  fail "a golden edited in the suite one stands in was not checked: $(tail -n 3 out)"
(cd suite && "$qgold" regen --check) >out 2>err
[ $? -eq 1 ] && grep -q "would be changed Hostile/layer/uint8 quantization _abs_t" out ||
  fail "regen inside a suite: $(tail -n 3 out)"
cp ofm.json "$ofm"
expect 2 "--records 0: a dataset needs at least one record" \
  "$qgold" gen-data relu.circle --records 0 -o none.h5
[ ! -e none.h5 ] || fail "gen-data --records 0 wrote none.h5"
mkdir outputs && cd outputs || exit 1
ln -s real.circle link.circle
ln -s real.h5 link.h5
expect 0 "" "$qgold" build ../relu.recipe -o link.circle
expect 0 "" "$qgold" dump ../relu.circle -o link.h5
[ -L link.circle ] && [ -f real.circle ] && [ -L link.h5 ] && [ -s real.h5 ] ||
  fail "writing through a symlink replaced it: $(ls -l)"
mkfifo fifo
for cmd in "convert-recipe ../relu.recipe" "dump ../relu.circle"; do
  timeout 10 cat fifo >from_fifo &
  expect 0 "" timeout 10 "$qgold" $cmd -o fifo
  wait
  [ -p fifo ] && [ -s from_fifo ] || fail "$cmd -o fifo: not written into the FIFO: $(ls -l)"
done
expect 0 "" "$qgold" run ../relu.circle --data ../nan/0.txt -o out.h5
cp out.h5 good.h5
expect 2 "value/0.txt:1:3:" "$qgold" run ../relu.circle --data ../value -o out.h5
cmp -s out.h5 good.h5 || fail "a failed run changed out.h5"
cat >clash.yaml <<'RECIPE'
operands:
  - {name: "a/b", type: FLOAT32, shape: [1]}
  - {name: a_b, type: FLOAT32, shape: [1]}
operations:
  - {type: ReLU, inputs: ["a/b"], outputs: [a_b]}
inputs: ["a/b"]
outputs: [a_b]
RECIPE
"$qgold" build clash.yaml -o clash.circle >/dev/null || fail "cannot build clash.circle"
# The error names the output, not the temporary the dump was writing.
expect 2 "qgold: error: clash.h5: tensor 0 ('a/b') and tensor 1 ('a_b') both dump to group 'a_b'" \
  "$qgold" dump clash.circle -o clash.h5
[ -z "$(find . -name '.*tmp*')" ] || fail "temporaries left behind: $(ls -A)"
cd .. || exit 1

finish "all error checks passed"

#!/usr/bin/env bash
# The oracle bridge end to end on hand-computed models (testdata/): oracle.mjs's command line
# (bridge_test.mjs), then tflite_oracle_io: a dataset as oracle inputs, and compare/diagnose
# agreeing within |diff| <= 1e-4 + 1e-4*|expected| and failing, naming tensor and operator,
# just beyond it.
# Usage: bridge_test.sh QGOLD TFLITE_ORACLE_IO DEST   (DEST: the runtime's folder)
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
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# expect STATUS TEXT COMMAND...: COMMAND exits with STATUS and prints TEXT (stdout or stderr).
expect() {
  local want=$1 text=$2
  shift 2
  "$@" >"$tmp/out" 2>&1
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 600 "$tmp/out")"
  [ -z "$text" ] || grep -qF -- "$text" "$tmp/out" || fail "no '$text' from: $* -- $(head -c 600 "$tmp/out")"
}

for recipe in two_ops reshape_int8; do
  "$qgold" build "$here/testdata/$recipe.yaml" -o "$tmp/$recipe.tflite" >/dev/null || fail "build $recipe"
done
"$qgold" build "$here/testdata/two_ops.yaml" -o "$tmp/two_ops.circle" >/dev/null || fail "build two_ops.circle"

node "$here/bridge_test.mjs" "$dest" "$tmp" || fail "bridge_test.mjs"

# A dataset through both sides.
mkdir "$tmp/data"
echo "1, 2, 3, 4, 5, 6" >"$tmp/data/0.txt"
echo "0, 0, 0, -9, 9, 1" >"$tmp/data/1.txt"
model=$tmp/two_ops.tflite
expect 0 "wrote 2 records" "$io" inputs "$model" "$tmp/data" -o "$tmp/in.json"
expect 0 "wrote 2 records" "$qgold" run "$model" --data "$tmp/data" -o "$tmp/run.h5"
expect 0 "" oracle "$model" "$tmp/in.json" -o "$tmp/all.json" --all-tensors
expect 0 "agree 2 records, max |diff| 0" "$io" compare "$model" "$tmp/all.json" "$tmp/run.h5"
expect 0 "every operator output agrees" "$io" diagnose "$model" "$tmp/all.json" "$tmp/data"

# perturb NAME RECORD TENSOR ELEMENT DELTA OUT: a copy of all.json with one float moved.
perturb() {
  node -e '
    const fs = require("fs");
    const [file, record, tensor, element, delta, out] = process.argv.slice(1);
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    const t = data.records[record].tensors.find((x) => x.name === tensor);
    const values = new Float32Array(new Uint8Array(Buffer.from(t.hex, "hex")).buffer);
    values[element] += Number(delta);
    t.hex = Buffer.from(values.buffer).toString("hex");
    fs.writeFileSync(out, JSON.stringify(data));' "$tmp/all.json" "$@"
}
# ofm record 0 element 2 is 2.5: the tolerance there is 1e-4 + 2.5e-4 = 3.5e-4.
perturb 0 ofm 2 0.0003 "$tmp/inside.json"
expect 0 "agree 2 records" "$io" compare "$model" "$tmp/inside.json" "$tmp/run.h5"
perturb 0 ofm 2 0.0004 "$tmp/outside.json"
expect 1 "output 'ofm' element 2: qgold 2.5 tflite 2.5004" "$io" compare "$model" "$tmp/outside.json" "$tmp/run.h5"
expect 1 "written by Mul #1" "$io" compare "$model" "$tmp/outside.json" "$tmp/run.h5"
expect 1 "|diff| 0.000400066 > 0.0001 + 0.0001*|expected|" "$io" compare "$model" "$tmp/outside.json" "$tmp/run.h5"
expect 0 "agree 2 records" "$io" compare "$model" "$tmp/outside.json" "$tmp/run.h5" --atol 0.0005
perturb 1 mid 4 -0.01 "$tmp/mid.json"
expect 1 "tensor 'mid' written by Add #0 (fused_activation_function=RELU6)" \
  "$io" diagnose "$model" "$tmp/mid.json" "$tmp/data"
# The same outputs over two datasets: records in order across the files.
"$io" inputs "$model" "$tmp/data" "$tmp/data" -o "$tmp/in2.json" >/dev/null
oracle "$model" "$tmp/in2.json" -o "$tmp/both.json" 2>/dev/null || fail "oracle on two datasets"
expect 0 "agree 4 records" "$io" compare "$model" "$tmp/both.json" "$tmp/run.h5" "$tmp/run.h5"

# tflite_oracle_io's own bad input: exit 2 naming the file.
expect 2 "all.json: holds 2 records; $tmp/run.h5, $tmp/run.h5 hold more" \
  "$io" compare "$model" "$tmp/all.json" "$tmp/run.h5" "$tmp/run.h5"
printf '{"records": [{"tensors": [{"name": "ofm", "kind": "output", "dtype": "float32", "shape": [1], "hex": "zz"}]}]}' >"$tmp/badhex.json"
expect 2 "badhex.json: record 0, tensor 0: \"hex\" has a non-hex character" \
  "$io" compare "$model" "$tmp/badhex.json" "$tmp/run.h5"
printf '{"records": [' >"$tmp/broken.json"
expect 2 "broken.json: not valid JSON" "$io" compare "$model" "$tmp/broken.json" "$tmp/run.h5"
expect 2 "no such file" "$io" inputs "$model" "$tmp/no/such/data" -o "$tmp/x.json"

if ((failures)); then
  echo "tflite_oracle_bridge: $failures failures"
  exit 1
fi
echo "tflite_oracle_bridge: all checks passed"

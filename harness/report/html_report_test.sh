#!/usr/bin/env bash
# qgold's HTML reports of real runs, opened in headless Chromium with the network blocked
# (browser_check.mjs): a passing verify of bundled recipes with a two-run trend, a verify of a
# copied suite with perturbed goldens, a regen --dry-run after a golden changed, the error report
# of a quantized bundled recipe, record-minmax's calibration view, and the whole bundled suite
# (size under 5 MB). Screenshots go to OUT.
# Skipped (77) when Chromium or Node.js is missing, unless QGOLD_REQUIRE_CHROMIUM=1 or CI is
# set (scripts/setup.sh installs both then): CI always runs it.
#
# html_report_test.sh QGOLD ROOT OUT [full|small]   (small: without the whole bundled suite)
set -uo pipefail
qgold=$1 root=$2 out=$3 scope=${4:-full}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../util/test_lib.sh
source "$root/harness/util/test_lib.sh"

# On a terminal verify ends with the conformance table; in a pipe (CI logs) it does not.
if command -v script >/dev/null; then
  tty_out=$(script -qec "'$qgold' verify --suite '$root' Add_000 Conv2D_000" /dev/null | tr -d '\r')
  # A row per operator, a cell "ok <cases>" per configuration: 4 cases each.
  table_cases=$(awk '$1 == "Add" || $1 == "Conv2D" { for (i = 2; i < NF; i++) if ($i == "ok") n += $(i + 1) } END { print n + 0 }' <<<"$tty_out")
  [ "$table_cases" = 8 ] && grep -q '^2 of 2 operators conform in every configuration$' <<<"$tty_out" ||
    fail "no conformance table of the 8 cases on a TTY: $tty_out"
  "$qgold" verify --suite "$root" Add_000 Conv2D_000 | grep -q '^operator' &&
    fail "the per-operator table is printed into a pipe"
fi

unavailable() {
  ((failures == 0)) || finish ""
  if [ "${QGOLD_REQUIRE_CHROMIUM:-0}" = 1 ] || [ -n "${CI:-}" ]; then
    echo "FAIL: $1, and this run requires it (QGOLD_REQUIRE_CHROMIUM=1 or CI)"
    exit 1
  fi
  echo "skipped: $1; QGOLD_REQUIRE_CHROMIUM=1 scripts/setup.sh installs it (Debian's chromium and nodejs)"
  exit 77
}
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || unavailable "Chromium is not installed"
command -v node >/dev/null || unavailable "Node.js is not installed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=$out/html_reports
mkdir -p "$shots"

# check_page PAGE SHOT [browser_check options]: no http(s) URL in the file, then the browser.
check_page() {
  local page=$1 shot=$2
  shift 2
  if grep -Eq 'https?://' "$page"; then
    fail "$page names a URL: $(grep -Eo 'https?://[^"<> ]*' "$page" | head -n 3 | tr '\n' ' ')"
  fi
  node "$here/browser_check.mjs" --chromium "$chromium" --page "$page" --screenshot "$shots/$shot" "$@" ||
    fail "$page in Chromium (above)"
}

echo "== passing verify of bundled recipes, run twice into one history (trend plots)"
for run in 1 2; do
  "$qgold" verify --suite "$root" Conv2D_000 DepthwiseConv2D_001 Add_000 --html "$work/pass.html" \
    --history "$work/history" >"$work/pass.txt"
  s=$?
  ((s == 0)) || fail "verify of bundled recipes exited $s: $(tail -n 3 "$work/pass.txt")"
done
[ "$(find "$work/history" -name '*.json' | wc -l)" = 2 ] || fail "the history does not hold 2 runs"
grep -q 'id="trend"' "$work/pass.html" || fail "pass.html has no trend section"
check_page "$work/pass.html" verify_pass.png --min-plots 2 --sortable cases --sortable goldens \
  --expect Conv2D_000/channel/uint8 --expect DepthwiseConv2D_001/layer/uint8 \
  --expect Add_000/layer/uint8 --expect ker --expect ofm --expect "Nightly trend"

echo "== verify of a copied suite with perturbed goldens"
suite=$work/suite
mkdir -p "$suite/recipes" "$suite/test_inputs" "$suite/expected_outputs"
for r in Conv2D_000 DepthwiseConv2D_001; do
  cp "$root/recipes/$r.yaml" "$suite/recipes/"
  for c in "$r" "${r}_config"; do # the recipe's plain and qconf cases
    [ ! -d "$root/test_inputs/$c" ] || cp -r "$root/test_inputs/$c" "$suite/test_inputs/"
    [ ! -d "$root/expected_outputs/$c" ] || cp -r "$root/expected_outputs/$c" "$suite/expected_outputs/"
  done
done
pristine=$work/pristine
cp -r "$suite" "$pristine"
# Channel 1 of Conv2D_000's per-channel kernel: its zero point +3 and one code +5.
ker=$suite/expected_outputs/Conv2D_000/channel/uint8/quantization/ker.json
node -e '
  const fs = require("fs"), file = process.argv[1], g = JSON.parse(fs.readFileSync(file));
  g.zero_point[1] += 3;
  g.weights[1][0][0][0] += 5;
  fs.writeFileSync(file, JSON.stringify(g, null, 2) + "\n");' "$ker"
"$qgold" verify --suite "$suite" --html "$work/perturbed.html" >"$work/perturbed.txt"
s=$?
((s == 1)) || fail "verify of perturbed goldens exited $s, expected 1"
[ "$(grep -c '^FAIL' "$work/perturbed.txt")" = 2 ] ||
  fail "expected exactly the 2 perturbed values to fail: $(grep '^FAIL' "$work/perturbed.txt")"
grep -q 'FAIL Conv2D_000/channel/uint8 quantization ker zero_point\[1\]' "$work/perturbed.txt" ||
  fail "the terminal report does not name the perturbed zero point"
grep -q '<div class="failure" data-case="Conv2D_000/channel/uint8" data-tensor="ker">' \
  "$work/perturbed.html" || fail "perturbed.html has no failure section for the perturbed kernel"
check_page "$work/perturbed.html" verify_perturbed.png --min-plots 1 --failed-first \
  --sortable cases --sortable goldens --expect Conv2D_000/channel/uint8 \
  --expect "DepthwiseConv2D_001/channel/int16" --expect "largest difference per channel" \
  --expect zero_point

echo "== regen --dry-run after a golden changed"
rm -rf "$suite" && cp -r "$pristine" "$suite"
ofm=$suite/expected_outputs/DepthwiseConv2D_001/layer/uint8/quantization/ofm.json
zp=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).zero_point' "$ofm")
node -e '
  const fs = require("fs"), file = process.argv[1], g = JSON.parse(fs.readFileSync(file));
  g.zero_point += 2;
  fs.writeFileSync(file, JSON.stringify(g, null, 2) + "\n");' "$ofm"
before=$(cat "$ofm")
"$qgold" regen --suite "$suite" --dry-run --html "$work/regen.html" >"$work/regen.txt"
s=$?
((s == 1)) || fail "regen --dry-run of a changed golden exited $s, expected 1: $(cat "$work/regen.txt")"
[ "$(cat "$ofm")" = "$before" ] || fail "regen --dry-run wrote $ofm"
grep -q 'data-case="DepthwiseConv2D_001/layer/uint8" data-tensor="ofm"' "$work/regen.html" ||
  fail "regen.html does not list the changed ofm"
check_page "$work/regen.html" regen_dry_run.png --min-plots 1 --sortable tensors \
  --expect DepthwiseConv2D_001/layer/uint8 --expect ofm --expect "zero_point[0] $((zp + 2)) -> $zp (2 steps)"

echo "== error report of a quantized bundled recipe"
recipe=Net_ResidualBlock_000
data=$root/test_inputs/$recipe/layer/uint8
"$qgold" build "$root/recipes/$recipe.yaml" -o "$work/f.circle" >/dev/null &&
  "$qgold" fake-quant "$work/f.circle" -o "$work/fq.circle" --dtype uint8 --granularity layer >/dev/null &&
  "$qgold" record-minmax "$work/fq.circle" --data "$data" -o "$work/rm.circle" >/dev/null &&
  "$qgold" quantize "$work/rm.circle" -o "$work/q.circle" --dtype uint8 --granularity layer >/dev/null &&
  "$qgold" error-report "$work/f.circle" "$work/q.circle" --data "$data" --html "$work/error.html" \
    >"$work/error.txt" || fail "error-report of $recipe failed: $(tail -n 3 "$work/error.txt")"
grep -q '<svg class="plot" data-plot="bars" data-points="4"' "$work/error.html" ||
  fail "error.html has no plot of its 4 tensors"
check_page "$work/error.html" error_report.png --min-plots 2 --sortable tensors \
  --expect ifm --expect conv1 --expect conv2 --expect "ofm (output)" --expect "SQNR per tensor" \
  --expect "lowest SQNR"

echo "== record-minmax --html: the calibration view of a residual block over 300 records"
"$qgold" build "$root/recipes/Net_ResidualBlock_000.yaml" -o "$work/block.circle" >/dev/null ||
  fail "cannot build Net_ResidualBlock_000"
"$qgold" gen-data "$work/block.circle" --records 300 --seed 3 -o "$work/calib.h5" >/dev/null ||
  fail "cannot generate the calibration data"
"$qgold" record-minmax "$work/block.circle" --data "$work/calib.h5" -o "$work/block.calibrated.circle" \
  --html "$work/calibration.html" >"$work/calibration.txt" 2>&1 ||
  fail "record-minmax --html failed: $(tail -n 3 "$work/calibration.txt")"
grep -q '<g class="strip" data-tensor="conv2">' "$work/calibration.html" || fail "calibration.html has no conv2 strip"
check_page "$work/calibration.html" calibration.png --min-plots 1 --sortable tensors \
  --expect ifm --expect conv1 --expect conv2 --expect ofm --expect "percentile 1-99" \
  --expect "records outside"

[ "$scope" = full ] || finish "HTML reports: checked in Chromium (without the whole suite), screenshots in $shots"
echo "== the whole bundled suite"
"$qgold" verify --suite "$root" --jobs 0 --html "$work/full.html" >"$work/full.txt"
s=$?
((s == 0)) || fail "verify of the bundled suite exited $s: $(tail -n 3 "$work/full.txt")"
size=$(stat -c %s "$work/full.html")
echo "report of the bundled suite: $size bytes"
((size < 5 * 1024 * 1024)) || fail "the report of the bundled suite is $size bytes, over 5 MB"
check_page "$work/full.html" verify_bundled.png --sortable cases --sortable goldens \
  --expect Net_ResidualBlock_000 --expect Conv2D_000/channel/int16

finish "HTML reports: checked in Chromium, screenshots in $shots"

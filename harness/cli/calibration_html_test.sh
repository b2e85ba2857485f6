#!/usr/bin/env bash
# record-minmax --html and merge-minmax --html through the real executable: the page has a
# row and a strip for every recorded tensor, the model written is the one a run without
# --html writes, one run's view equals the merged shards', and a bad --html path is exit 2
# before any work, leaving no page, no model and no temporary file.
# Usage: calibration_html_test.sh QGOLD SOURCE_DIR
set -u
qgold=$1 src=$2
# shellcheck source=../util/test_lib.sh
source "$src/harness/util/test_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# expect STATUS MESSAGE COMMAND...: exit status STATUS and MESSAGE (a fixed string) on stderr.
expect() {
  local want=$1 message=$2
  shift 2
  "$@" >out 2>err
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 err)"
  grep -qF -- "$message" err || fail "$*: stderr lacks '$message': $(head -c 300 err)"
}

# The view: the strip plot and the table, without the summary (which names files and times).
view() { sed -n '/<section id="ranges">/,/<\/table>/p' "$1"; }

"$qgold" build "$src/recipes/Net_ResidualBlock_000.yaml" -o model.circle >/dev/null || fail "cannot build the model"
"$qgold" gen-data model.circle --records 40 --seed 9 -o data.h5 >/dev/null || fail "cannot generate data"
calibrate() { "$qgold" record-minmax model.circle --data data.h5 --threads 1 "$@"; }

calibrate -o plain.circle >/dev/null 2>&1 || fail "record-minmax failed"
calibrate -o cal.circle --html page.html >out 2>err || fail "record-minmax --html failed: $(cat err)"
grep -qxF "wrote page.html" out || fail "record-minmax does not say it wrote page.html: $(cat out)"
cmp -s plain.circle cal.circle || fail "--html changed the calibrated model"
# Graph order: the input, then each operator's output.
rows=$(grep -o '<tr data-status="[a-z]*" data-tensor="[^"]*"><td class="num">[0-9]*' page.html |
  sed 's/.*data-tensor="\([^"]*\)"><td class="num">\([0-9]*\)/\2 \1/' | tr '\n' ' ')
[ "$rows" = "0 ifm 1 conv1 2 conv2 3 ofm " ] || fail "table rows, expected ifm conv1 conv2 ofm in graph order: $rows"
[ "$(grep -c '<g class="strip" data-tensor=' page.html)" = 4 ] || fail "page.html has not one strip per tensor"
# 40 records: 21 order statistics per side, 4 tensors.
grep -qF 'data-plot="strips" data-points="168"' page.html || fail "page.html does not plot 4 x 2 x 21 points"
# The default percentile 1-99 over 40 records leaves the extreme records of ifm outside.
grep -qF '<tr data-status="outside" data-tensor="ifm">' page.html || fail "no ifm record outside percentile 1-99"
grep -q 'https\?://' page.html && fail "page.html names a URL"

# The merged shards' view is one run's.
for k in 0 1 2; do
  calibrate --shard "$k/3" --partial "p$k.part" >/dev/null 2>&1 || fail "shard $k/3 failed"
done
"$qgold" merge-minmax model.circle p0.part p1.part p2.part -o merged.circle --html merged.html >out 2>err ||
  fail "merge-minmax --html failed: $(cat err)"
grep -qxF "wrote merged.html" out || fail "merge-minmax does not say it wrote merged.html: $(cat out)"
grep -qF "<h1>qgold merge-minmax: 4 tensor(s) over 40 record(s)</h1>" merged.html ||
  fail "merged.html does not name merge-minmax and 40 records"
[ -n "$(view page.html)" ] && [ "$(view page.html)" = "$(view merged.html)" ] ||
  fail "the merged shards' view differs from one run's: $(diff <(view page.html) <(view merged.html) | head -n 5)"
# The comparison can fail: another mode gives another view.
calibrate --mode minmax -o minmax.circle --html minmax.html >/dev/null 2>&1
[ "$(view page.html)" != "$(view minmax.html)" ] || fail "percentile and minmax views are identical"
grep -q 'data-status="outside"' minmax.html && fail "minmax mode leaves a record outside its range"

# A bundled case through the goldens' flow (docs/harness.md): the view's recorded ranges are
# the case's record_minmax goldens.
case_id=Net_ResidualBlock_000/channel/uint8
"$qgold" fake-quant model.circle -o fq.circle --dtype uint8 --granularity channel >/dev/null ||
  fail "fake-quant failed"
"$qgold" record-minmax fq.circle --data "$src/test_inputs/$case_id" --backend reference -o rm.circle \
  --html case.html >/dev/null 2>&1 || fail "record-minmax --html of $case_id failed"
for t in ifm conv1 conv2 ofm; do
  golden=$src/expected_outputs/$case_id/record_minmax/$t.json
  want=$(tr -d ' \n' <"$golden" | sed 's/.*"min":\([^,}]*\).*"max":\([^,}]*\).*/\1 \2/')
  # The first two sorted cells of the tensor's row: recorded min and max.
  got=$(grep -o "<tr data-status=\"[a-z]*\" data-tensor=\"$t\">.*" case.html | grep -o 'data-sort="[^"]*"' |
    head -n 2 | cut -d'"' -f2 | tr '\n' ' ')
  awk -v want="$want" -v got="$got" 'BEGIN {
    split(want, w, " "); split(got, g, " ")
    for (i = 1; i <= 2; i++) { d = w[i] - g[i]; if (d < 0) d = -d; m = w[i] < 0 ? -w[i] : w[i]
      if (g[i] == "" || d > 1e-6 * m + 1e-30) exit 1 }
  }' || fail "$case_id $t: the view records [$got], the golden [$want]"
done
# Five records: every record drawn, no percentiles.
grep -qF 'data-plot="strips" data-points="40"' case.html || fail "case.html does not draw 4 x 2 x 5 records"

# Bad --html paths: exit 2 before the work, nothing written.
mkdir folder
echo old >keep.html
expect 2 "nowhere/page.html: folder nowhere does not exist" calibrate -o bad.circle --html nowhere/page.html
expect 2 "--html folder: is a folder; name a file" calibrate -o bad.circle --html folder
expect 2 "--html same.circle: is the model being written (-o)" calibrate -o same.circle --html same.circle
expect 2 "--html -: only --json and --junit can go to standard output" calibrate -o bad.circle --html -
expect 2 "--partial excludes --html" calibrate --partial bad.part --html bad.html
expect 2 "nowhere/m.html: folder nowhere does not exist" \
  "$qgold" merge-minmax model.circle p0.part p1.part p2.part -o bad.circle --html nowhere/m.html
# A run that fails on its data leaves an existing page as it was.
mkdir text
printf '1,2\n' >text/0.txt
expect 2 "0.txt" "$qgold" record-minmax model.circle --data text -o bad.circle --html keep.html
[ "$(cat keep.html)" = old ] || fail "a failed run changed keep.html"
for f in bad.circle same.circle bad.part bad.html folder/*; do
  [ ! -e "$f" ] || fail "a refused run wrote $f"
done
leftovers=$(find . -name '.*.tmp-*')
[ -z "$leftovers" ] || fail "temporaries left: $leftovers"

finish "calibration view: all checks passed"

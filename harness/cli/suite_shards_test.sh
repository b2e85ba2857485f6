#!/usr/bin/env bash
# verify --shard K/N, regen --shard K/N and merge-reports (--html too) through the executable:
# the merged reports equal the unsharded run's but for timings, for several N
# (empty shards included) and with a failing case; bad shards and bad parts
# are exit 2 naming the file; ONE's suite.tsv layout shards alike when present.
# Usage: suite_shards_test.sh QGOLD SOURCE_DIR [ONE_POTA_DIR]
set -u
qgold=$1
src=$2
one=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=../util/test_lib.sh
source "$(dirname "$0")/../util/test_lib.sh"

expect_status() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 "$tmp/out" "$tmp/err")"
}
# The reports without their timings (verify's only run-to-run difference).
untimed_json() { sed -E '/^ *"seconds": /d' "$1"; }
untimed_xml() { sed -E 's/ time="[^"]*"//' "$1"; }
same_reports() { # same_reports A B WHAT: A.{json,xml} and B.{json,xml} equal but for timings
  cmp -s <(untimed_json "$1.json") <(untimed_json "$2.json") ||
    fail "$3: JSON differs: $(diff <(untimed_json "$1.json") <(untimed_json "$2.json") | head -n 5)"
  cmp -s <(untimed_xml "$1.xml") <(untimed_xml "$2.xml") ||
    fail "$3: JUnit differs: $(diff <(untimed_xml "$1.xml") <(untimed_xml "$2.xml") | head -n 5)"
}

# A small copy of the bundled suite: two recipes, 9 cases (Conv2D_001 has qconf cases).
suite=$tmp/suite
mkdir -p "$suite/recipes" "$suite/test_inputs" "$suite/expected_outputs"
for r in Add_000 Conv2D_001; do
  cp "$src/recipes/$r.yaml" "$suite/recipes/"
  cp -r "$src/test_inputs/$r"* "$suite/test_inputs/"
  cp -r "$src/expected_outputs/$r"* "$suite/expected_outputs/"
done
cases=9
cd "$tmp" || exit 1

# shards N K...: verify shards K of N into part-N-K.{json,xml}; each must exit `want`
# (from $want_K, default 0).
run_shards() {
  local count=$1 k
  shift
  for ((k = 0; k < count; k++)); do
    local want_var=want_$k
    expect_status "${!want_var:-0}" "$qgold" verify --suite "$suite" --shard "$k/$count" "$@" \
      --json "part-$count-$k.json" --junit "part-$count-$k.xml"
    grep -q "^shard $k/$count: [0-9]* of $cases case(s)$" "$tmp/out" || fail "shard $k/$count summary: $(cat "$tmp/out")"
  done
}

expect_status 0 "$qgold" verify --suite "$suite" --json full.json --junit full.xml
[ "$(grep -c '"name": ' full.json)" -eq "$cases" ] || fail "the suite copy does not hold $cases cases"
tail -n 1 "$tmp/out" | grep -q "^[1-9][0-9]* passed, 0 failed (suite $suite)$" || fail "unsharded: $(cat "$tmp/out")"
grep -q '"shard"' full.json && fail "an unsharded report carries a shard"
for count in 1 3 40; do
  run_shards "$count"
  total=$(cat part-"$count"-*.json | grep -c '"name": ')
  [ "$total" -eq "$cases" ] || fail "$count shards hold $total cases, not $cases"
  parts=()
  for ((k = count - 1; k >= 0; k--)); do parts+=("part-$count-$k.json"); done # any order
  expect_status 0 "$qgold" merge-reports "${parts[@]}" --json "merged-$count.json" --junit "merged-$count.xml"
  same_reports full "merged-$count" "$count shards"
  [ "$(tail -n 1 "$tmp/out")" = "$(tail -n 1 < <("$qgold" verify --suite "$suite"))" ] ||
    fail "merge-reports summary: $(tail -n 1 "$tmp/out")"
done
# 40 shards of 9 cases: most are empty, and that is a valid report.
grep -q '"cases": \[\]' part-40-*.json >/dev/null || fail "no empty shard among 40"

# One moved zero point: verify, the shard holding the case, and the merge exit 1.
golden=$suite/expected_outputs/Conv2D_001/channel/uint8/quantization/ofm.json
sed -i 's/"zero_point": 0/"zero_point": 3/' "$golden"
expect_status 1 "$qgold" verify --suite "$suite" --json bad-full.json --junit bad-full.xml
bad_shard=$("$qgold" verify --suite "$suite" --shard 0/1 --json - 2>/dev/null | grep -c '"name": "Conv2D_001/channel/uint8"')
[ "$bad_shard" -eq 1 ] || fail "--json - of shard 0/1 does not list the case"
declare want_0=0 want_1=0 want_2=0
for k in 0 1 2; do
  "$qgold" verify --suite "$suite" --shard "$k/3" 'Conv2D_001/channel/uint8' 2>/dev/null | grep -q '^shard [0-9]/3: 1 of 1' &&
    declare "want_$k=1"
done
[ $((want_0 + want_1 + want_2)) -eq 1 ] || fail "the failing case is in $((want_0 + want_1 + want_2)) shards"
run_shards 3
unset want_0 want_1 want_2
expect_status 1 "$qgold" merge-reports part-3-0.json part-3-1.json part-3-2.json --json bad-merged.json --junit bad-merged.xml --html bad-merged.html
grep -q 'Conv2D_001/channel/uint8' bad-merged.html || fail "the merged HTML report does not name the failing case"
grep -q '^FAIL Conv2D_001/channel/uint8 quantization ofm zero_point\[0\] expected 3 got 0' "$tmp/out" ||
  fail "merge-reports does not name the failing value: $(cat "$tmp/out")"
same_reports bad-full bad-merged "with a failing case"

# regen --shard: the shards' cases add up to the suite's; only the shard of the
# moved golden would change it, and regenerating that shard restores it.
total=0
for k in 0 1 2; do
  want=0
  "$qgold" verify --suite "$suite" --shard "$k/3" 'Conv2D_001/channel/uint8' 2>/dev/null | grep -q ': 1 of 1' && want=1
  expect_status "$want" "$qgold" regen --suite "$suite" --shard "$k/3" --check
  total=$((total + $(sed -n 's/^\([0-9]*\) cases: .*/\1/p' "$tmp/out")))
  if [ "$want" -eq 1 ]; then
    grep -q "Conv2D_001/channel/uint8 quantization ofm" "$tmp/out" || fail "regen --check shard $k/3: $(cat "$tmp/out")"
    expect_status 0 "$qgold" regen --suite "$suite" --shard "$k/3"
  fi
done
[ "$total" -eq "$cases" ] || fail "regen's 3 shards hold $total cases, not $cases"
expect_status 0 "$qgold" verify --suite "$suite"

# ONE's layout (when ../shared holds it): the same split and merge.
if [ -d "$one" ]; then
  expect_status 0 "$qgold" verify --suite "$one" 'Conv2D_*' --json one.json --junit one.xml
  for k in 0 1; do
    expect_status 0 "$qgold" verify --suite "$one" 'Conv2D_*' --shard "$k/2" --json "one-$k.json"
  done
  expect_status 0 "$qgold" merge-reports one-1.json one-0.json --json one-merged.json --junit one-merged.xml
  same_reports one one-merged "ONE's suite in 2 shards"
else
  echo "ONE's suite not present ($one): its layout not sharded"
fi

# Bad shards: exit 2 and the rule.
for shard in 3/3 1/0 x -1/3 1/ /3 1/3/4; do
  expect_status 2 "$qgold" verify --suite "$suite" --shard "$shard"
  grep -qF "is not K/N with 0 <= K < N" "$tmp/err" || fail "--shard $shard: $(cat "$tmp/err")"
  expect_status 2 "$qgold" regen --suite "$suite" --shard "$shard" --check
done
expect_status 2 "$qgold" verify --suite "$suite" --shard 0/2 --model "$tmp/full.json" --case Add_000/layer/uint8
grep -qF -- "--shard splits a suite's cases" "$tmp/err" || fail "--shard with --model: $(cat "$tmp/err")"

# Bad parts: exit 2 naming the file.
expect_merge_error() { # expect_merge_error MESSAGE PART...
  local message=$1
  shift
  expect_status 2 "$qgold" merge-reports "$@" --json refused.json
  grep -qF "$message" "$tmp/err" || fail "merge-reports $*: $(cat "$tmp/err") (want: $message)"
  [ ! -e refused.json ] || fail "merge-reports $* wrote a report"
}
expect_merge_error "shard 1/3 missing" part-3-0.json part-3-2.json
expect_merge_error "part-3-1.json: shard 1/3 again (also part-3-1.json)" part-3-0.json part-3-1.json part-3-2.json part-3-1.json
expect_merge_error "full.json: not a shard's report (no 'shard' key)" full.json
head -c 500 part-3-0.json >cut.json
expect_merge_error "cut.json: not a JSON report (truncated or malformed)" cut.json part-3-1.json part-3-2.json
printf 'not json' >junk.json
expect_merge_error "junk.json: not a JSON report" junk.json
echo 'step_atol: 0.05' >loose.yaml
expect_status 0 "$qgold" verify --suite "$suite" --tolerances loose.yaml --shard 1/3 --json loose-1.json
expect_merge_error "loose-1.json: not of the run of part-3-0.json: tolerances" part-3-0.json loose-1.json part-3-2.json
expect_status 0 "$qgold" verify --suite "$suite" --shard 1/2 --json two-1.json
expect_merge_error "two-1.json: not of the run of part-3-0.json: 2 shards, not 3" part-3-0.json two-1.json part-3-2.json
expect_status 0 "$qgold" verify --suite "$suite" 'Add_*' --shard 1/3 --json add-1.json
expect_merge_error "add-1.json: not of the run of part-3-0.json: another case list" part-3-0.json add-1.json part-3-2.json
mkdir other && cp -r "$suite"/* other/
expect_status 0 "$qgold" verify --suite "$tmp/other" --shard 1/3 --json other-1.json
expect_merge_error "other-1.json: not of the run of part-3-0.json: suite $tmp/other" part-3-0.json other-1.json part-3-2.json
sed -E 's/"failed": [0-9]+/"failed": 7/' part-3-1.json >counts.json
expect_merge_error "counts.json: " part-3-0.json counts.json part-3-2.json
expect_status 2 "$qgold" merge-reports
expect_status 2 "$qgold" merge-reports no-such.json

finish "all suite shard checks passed"

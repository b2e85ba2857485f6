#!/usr/bin/env bash
# record-minmax --shard/--partial and merge-minmax through the real executable:
# the merged model is byte-identical to one record-minmax run for every mode
# and shard count (uneven blocks, empty ones, records skipped for NaN), and a
# wrong, truncated or mixed set of parts is exit 2 naming the file.
# Usage: minmax_shards_test.sh QGOLD SOURCE_DIR
set -u
qgold=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect STATUS MESSAGE COMMAND...: exit status STATUS and MESSAGE (a fixed string) on stderr.
expect() {
  local want=$1 message=$2
  shift 2
  "$@" >out 2>err
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 err)"
  grep -qF -- "$message" err || fail "$*: stderr lacks '$message': $(head -c 300 err)"
}

# shards N OPTIONS...: records shard 0..N-1 of $data into p<K>.part, then merges into merged.circle.
shards() {
  local count=$1 k parts=()
  shift
  rm -f ./*.part merged.circle
  for ((k = 0; k < count; k++)); do
    "$qgold" record-minmax model.circle --data "$data" --shard "$k/$count" --partial "p$k.part" "$@" \
      >/dev/null 2>&1 || fail "shard $k/$count $* failed"
    parts+=("p$k.part")
  done
  "$qgold" merge-minmax model.circle "${parts[@]}" -o merged.circle >merge.out 2>merge.err || fail "merge of $count shards $* failed: $(cat merge.err)"
}

"$qgold" build "$src/recipes/Net_ResidualBlock_000.yaml" -o model.circle >/dev/null || fail "cannot build the model"
"$qgold" gen-data model.circle --records 11 --seed 5 -o data.h5 >/dev/null || fail "cannot generate data"

data=data.h5
for mode in percentile moving_average minmax; do
  options=(--mode "$mode" --moving-avg-batch 3 --threads 1)
  "$qgold" record-minmax model.circle --data "$data" "${options[@]}" -o single.circle >/dev/null 2>&1 ||
    fail "record-minmax --mode $mode failed"
  counts=(1 2 3 7)
  [ "$mode" = moving_average ] && counts+=(12) # more shards than records: some blocks are empty
  for count in "${counts[@]}"; do
    shards "$count" "${options[@]}"
    cmp -s single.circle merged.circle || fail "--mode $mode, $count shards: merged model differs from one run"
  done
done
grep -qF "wrote merged.circle (11 records from 7 partials)" merge.out || fail "merge summary: $(cat merge.out)"
# The comparison can fail: another mode gives another model.
"$qgold" record-minmax model.circle --data "$data" --mode percentile -o other.circle >/dev/null 2>&1
cmp -s other.circle merged.circle && fail "minmax and percentile calibrations are identical"

# The partial: magic, version 1, the model's SHA-256 (what sha256sum prints) at offset 20.
[ "$(head -c 8 p0.part)" = QGMINMAX ] || fail "p0.part does not start with QGMINMAX"
[ "$(od -An -tu4 -j8 -N4 p0.part | tr -d ' ')" = 1 ] || fail "p0.part is not version 1"
[ "$(od -An -tx1 -j20 -N32 p0.part | tr -d ' \n')" = "$(sha256sum model.circle | cut -d' ' -f1)" ] ||
  fail "p0.part does not hold the model's SHA-256"

# Text records, one with a NaN input: skipped alike by one run and by its shard.
mkdir text
input=$("$qgold" inspect model.circle | sed -n 's/^inputs \[\([0-9]*\)\]$/\1/p')
size=$("$qgold" inspect model.circle | sed -n "s/^  T$input '[^']*' FLOAT32 \[\([0-9,]*\)\].*/\1/p" |
  awk -F, '{ n = 1; for (i = 1; i <= NF; i++) n *= $i; print n }')
[ "${size:-0}" -gt 0 ] || fail "cannot find the input size of model.circle"
for r in 0 1 2 3 4 5 6; do
  awk -v n="$size" -v r="$r" 'BEGIN { for (i = 0; i < n; i++) printf "%s%g", (i ? "," : ""), ((i * 7 + r * 13) % 17) / 4 - 2; print "" }' \
    >"text/$r.txt"
done
sed -i 's/^[^,]*/nan/' text/4.txt
data=text
"$qgold" record-minmax model.circle --data text --skip-nonfinite -o single.circle >/dev/null 2>&1 ||
  fail "record-minmax --skip-nonfinite failed"
shards 3 --skip-nonfinite
cmp -s single.circle merged.circle || fail "--skip-nonfinite, 3 shards: merged model differs from one run"
grep -qF "skipped 1 record(s) with NaN or Inf inputs" merge.err || fail "merge does not count the skipped record"
# Without --skip-nonfinite only the shard holding 4.txt (records [4, 7)) fails.
"$qgold" record-minmax model.circle --data text --shard 0/2 --partial ok.part >/dev/null 2>&1 ||
  fail "shard 0/2 of text fails though it does not hold 4.txt"
expect 2 "4.txt: input 0" "$qgold" record-minmax model.circle --data text --shard 1/2 --partial bad.part
[ ! -e bad.part ] || fail "a failed shard left bad.part"

# Wrong, truncated and mixed sets of parts.
data=data.h5
shards 3
merge() { "$qgold" merge-minmax model.circle "$@" -o out.circle; }
head -c 100 p1.part >truncated.part
expect 2 "truncated.part: truncated: 100 bytes, the header says" merge p0.part truncated.part p2.part
cp p1.part flipped.part
printf 'X' | dd of=flipped.part bs=1 seek=150 conv=notrunc status=none
expect 2 "flipped.part: checksum mismatch" merge p0.part flipped.part p2.part
expect 2 "model.circle: not a qgold min/max partial" merge p0.part model.circle p2.part
expect 2 "no part holds shard 1/3 (records [3, 7) of $tmp/data.h5)" merge p0.part p2.part
expect 2 "p1.part: is shard 1/3 (records [3, 7)), and so is p1.part" merge p0.part p1.part p1.part p2.part
"$qgold" record-minmax model.circle --data data.h5 --shard 1/2 --partial half.part >/dev/null 2>&1
expect 2 "half.part: is shard 1/2, but p0.part is shard 0/3: parts of different splits" merge p0.part half.part p2.part
"$qgold" record-minmax model.circle --data data.h5 --shard 1/3 --partial minmax.part --mode minmax >/dev/null 2>&1
expect 2 "minmax.part: recorded with --mode minmax, but p0.part with --mode percentile" \
  merge p0.part minmax.part p2.part
"$qgold" record-minmax model.circle --data text --shard 1/3 --partial text.part >/dev/null 2>&1
expect 2 "text.part: recorded from $tmp/text (7 records), but p0.part from $tmp/data.h5 (11 records)" \
  merge p0.part text.part p2.part
"$qgold" build "$src/recipes/Net_ResidualBlock_000.yaml" -o copy.tflite >/dev/null
expect 2 "p0.part: recorded from a model with SHA-256 $(sha256sum model.circle | cut -d' ' -f1), but copy.tflite" \
  "$qgold" merge-minmax copy.tflite p0.part p1.part p2.part -o out.circle
[ ! -e out.circle ] || fail "a refused merge wrote out.circle"

# Usage.
expect 2 "'3/3' is not K/N with 0 <= K < N" "$qgold" record-minmax model.circle --data data.h5 --shard 3/3 --partial x.part
expect 2 "--shard requires --partial" "$qgold" record-minmax model.circle --data data.h5 --shard 0/2 -o x.circle
expect 2 "--output excludes --partial" "$qgold" record-minmax model.circle --data data.h5 --partial x.part -o x.circle
expect 2 "-o (the calibrated model) or --partial (a shard's ranges) is required" \
  "$qgold" record-minmax model.circle --data data.h5
expect 2 "--partial -: a partial is binary; name a file" \
  "$qgold" record-minmax model.circle --data data.h5 --partial -
expect 2 "nowhere/x.part: folder nowhere does not exist" \
  "$qgold" record-minmax model.circle --data data.h5 --partial nowhere/x.part

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "minmax shards: all checks passed"

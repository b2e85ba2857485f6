#!/usr/bin/env bash
# Crash safety of `qgold regen`: SIGKILL at random points must leave every
# golden whole (its old bytes or its new bytes, never a mix or a truncation),
# and the next regen must finish the job and remove the temporaries.
# Usage: regen_kill_test.sh QGOLD REPO_ROOT [KILLS]
set -u
qgold=$1
repo=$2
kills=${3:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

die() {
  echo "FAIL: $*"
  exit 1
}

# A small suite of the repository's own recipes (three cases, two steps each at least).
make_suite() {
  mkdir -p "$1/recipes" "$1/harness"
  for recipe in Add_000 Conv2D_000 FullyConnected_000; do
    [ -f "$repo/recipes/$recipe.yaml" ] && cp "$repo/recipes/$recipe.yaml" "$1/recipes/"
  done
  ls "$1"/recipes/*.yaml >/dev/null 2>&1 || die "no recipes copied from $repo/recipes"
}

# The reference: what a regen that is never interrupted writes.
make_suite "$tmp/new"
"$qgold" regen --suite "$tmp/new" >"$tmp/log" 2>&1 || die "reference regen failed: $(tail -n 5 "$tmp/log")"
(cd "$tmp/new" && find expected_outputs test_inputs -type f | sort) >"$tmp/files"
[ -s "$tmp/files" ] || die "reference regen wrote no files"

# The old state: every file present with different, valid content.
make_suite "$tmp/suite"
while read -r f; do
  mkdir -p "$tmp/suite/$(dirname "$f")"
  case $f in
  *.json) echo '{"scale": 1.0, "zero_point": 0}' >"$tmp/suite/$f" ;;
  *) cp "$tmp/new/$f" "$tmp/suite/$f" ;;
  esac
done <"$tmp/files"
cp -r "$tmp/suite" "$tmp/old"

# How long a full regen from the old state takes, to spread the kills over it.
start=$(date +%s%N)
"$qgold" regen --suite "$tmp/old" >/dev/null 2>&1 || die "timing regen failed"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
rm -rf "$tmp/old"
cp -r "$tmp/suite" "$tmp/old"

# "<file> <hash>" lines of every listed file under folder $1.
hashes() { (cd "$1" && xargs -d '\n' md5sum <"$tmp/files" | awk '{print $2, $1}'); }
hashes "$tmp/old" >"$tmp/old.md5"
hashes "$tmp/new" >"$tmp/new.md5"

checked=0
for ((i = 0; i < kills; i++)); do
  # Back to the old goldens, leaving any temporaries of earlier kills in place.
  for dir in expected_outputs test_inputs; do cp -rT "$tmp/old/$dir" "$tmp/suite/$dir"; done
  delay_ms=$((RANDOM % (elapsed_ms + 1)))
  "$qgold" regen --suite "$tmp/suite" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  hashes "$tmp/suite" >"$tmp/now.md5" 2>"$tmp/md5.err" || die "kill $i after ${delay_ms} ms: $(head -n 3 "$tmp/md5.err")"
  bad=$(awk 'FILENAME == ARGV[1] { old[$1] = $2; next } FILENAME == ARGV[2] { new[$1] = $2; next }
             $2 != old[$1] && $2 != new[$1] { print $1 }' "$tmp/old.md5" "$tmp/new.md5" "$tmp/now.md5")
  [ -z "$bad" ] || die "kill $i after ${delay_ms} ms: neither the old nor the new content: $bad"
  checked=$((checked + $(wc -l <"$tmp/now.md5")))
done

"$qgold" regen --suite "$tmp/suite" >"$tmp/log" 2>&1 || die "regen after the kills failed: $(tail -n 5 "$tmp/log")"
while read -r f; do
  cmp -s "$tmp/suite/$f" "$tmp/new/$f" || die "after the final regen $f differs from the reference"
done <"$tmp/files"
(cd "$tmp/suite" && find expected_outputs test_inputs -type f | sort) >"$tmp/after"
diff "$tmp/files" "$tmp/after" >"$tmp/extra" || die "files left after the final regen: $(head -n 5 "$tmp/extra")"
echo "regen survived $kills kills (regen takes ${elapsed_ms} ms; $checked file checks); final regen clean"

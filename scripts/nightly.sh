#!/usr/bin/env bash
# Nightly regression: builds, verifies the bundled suite and (when ../shared is
# present) ONE's suite on all cores, checks that regenerating the goldens would
# change no byte, and writes JUnit XML and JSON summaries (per-case timings)
# to out/nightly/ (or $QGOLD_NIGHTLY_DIR). Exits non-zero on any failure.
# HTML: report.html (the bundled suite, with the trend of the last
# $QGOLD_NIGHTLY_RUNS runs, default 30, whose summaries are kept in history/),
# regen-check.html and one.html.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${QGOLD_NIGHTLY_DIR:-out/nightly}
mkdir -p "$out"
scripts/setup.sh >&2 || { echo "nightly: build failed" >&2; exit 3; }
qgold="${QGOLD_BUILD_DIR:-build}/bin/qgold"
status=0
record() { local s=$1; ((s > status)) && status=$s; return 0; }

echo "== bundled suite"
"$qgold" verify --jobs 0 --junit "$out/bundled.xml" --json "$out/bundled.json" \
  --html "$out/report.html" --history "$out/history" --history-runs "${QGOLD_NIGHTLY_RUNS:-30}"
record $?

echo "== regen --check (goldens reproducible byte for byte)"
"$qgold" regen --check --html "$out/regen-check.html" >"$out/regen-check.txt"
s=$?
tail -n1 "$out/regen-check.txt"
((s != 0)) && grep -v '^[0-9]* cases:' "$out/regen-check.txt" | head -n 50
record $s

one=../shared/conformance/one-pota
if [[ -d $one ]]; then
  echo "== ONE suite ($one)"
  "$qgold" verify --suite "$one" --jobs 0 --junit "$out/one.xml" --json "$out/one.json" \
    --html "$out/one.html"
  record $?
fi
echo "nightly: exit $status; reports in $out/"
exit "$status"

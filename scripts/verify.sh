#!/usr/bin/env bash
# The main job: builds qgold and verifies golden data: the bundled suite
# (recipes/, test_inputs/, expected_outputs/) and, when ../shared is present,
# ONE's conformance suite. Extra arguments (case patterns, --exact, ...) go to
# the bundled suite's `qgold verify` (see `build/bin/qgold verify --help`).
# Exit status: 0 all passed, 1 a golden mismatch, 2 bad input.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
qgold="${QGOLD_BUILD_DIR:-build}/bin/qgold"
status=0
echo "== bundled suite"
"$qgold" verify --jobs 0 "$@" || status=$?
one=../shared/conformance/one-pota
if [[ -d $one ]]; then
  echo "== ONE suite ($one)"
  "$qgold" verify --suite "$one" --jobs 0 || { s=$?; ((s > status)) && status=$s; }
fi
exit "$status"

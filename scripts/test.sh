#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds from scratch if needed, runs ctest,
# then the same tests under ASan + UBSan with the fuzz corpora and a short fuzz run
# per target (scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir "${QGOLD_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
scripts/sanitize.sh

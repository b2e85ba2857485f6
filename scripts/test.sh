#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds from scratch if needed, runs ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir "${QGOLD_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"

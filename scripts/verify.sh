#!/usr/bin/env bash
# The main job: builds qgold and verifies golden data. Extra arguments go to
# `qgold verify` (see `build/bin/qgold verify --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
exec "${QGOLD_BUILD_DIR:-build}/bin/qgold" verify --suite ../shared/conformance/one-pota "$@"

#!/usr/bin/env bash
# Installs qgold's build dependencies (Debian 12 packages) when missing, then
# configures and builds into build/ (or $QGOLD_BUILD_DIR). With QGOLD_REQUIRE_CHROMIUM=1
# or CI set it also installs Chromium and Node.js, which the HTML report test needs.
# Extra CMake arguments can be passed through $QGOLD_CMAKE_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ flatbuffers-compiler libflatbuffers-dev libhdf5-dev
          libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
          libdnnl-dev libssl-dev
          libprotobuf-dev protobuf-compiler # tflchef recipe text (TextFormat)
          time) # /usr/bin/time: scripts/bench.sh reads peak RSS from it
# CI opens the HTML reports in headless Chromium through Node.js (qgold_html_reports).
if [ "${QGOLD_REQUIRE_CHROMIUM:-0}" = 1 ] || [ -n "${CI:-}" ]; then
  packages+=(chromium nodejs)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${QGOLD_BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja ${QGOLD_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

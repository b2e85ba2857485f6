#!/usr/bin/env bash
# Installs the TFLite oracle's runtime (tools/tflite_oracle: @tensorflow/tfjs-tflite, TFLite's
# C++ runtime compiled to WebAssembly) with `npm ci` into DEST, by default
# ${QGOLD_BUILD_DIR:-build}/tflite_oracle. Nothing outside DEST is written (npm's cache and
# logs are DEST/npm-cache unless $QGOLD_NPM_CACHE names another folder), except that Debian's
# nodejs and npm are installed with apt-get when node or npm is missing.
#
# Idempotent: a second run with the same package-lock.json does nothing and needs no network.
# When node_modules is gone but the npm cache is kept, it reinstalls from the cache offline.
#
# Usage: scripts/tflite_oracle.sh [DEST]
# Exit status: 0 installed, 1 the install failed (e.g. no network), 2 bad usage.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/tools/tflite_oracle
if (($# > 1)); then
  echo "usage: scripts/tflite_oracle.sh [DEST]" >&2
  exit 2
fi
dest=${1:-${QGOLD_BUILD_DIR:-$root/build}/tflite_oracle}
package=node_modules/@tensorflow/tfjs-tflite
runtime_files=("$package/package.json" "$package/wasm/tflite_web_api_cc.js" "$package/wasm/tflite_web_api_cc.wasm")

mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
# One install at a time: parallel ctest runs may all call this script.
exec 9>"$dest/.lock"
flock 9

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "tflite_oracle: installing Debian's nodejs and npm" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  if ! { "${sudo_cmd[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }; then
    echo "tflite_oracle: could not install nodejs and npm with apt-get" >&2
    exit 1
  fi
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
  echo "tflite_oracle: node $(node --version) is too old; the oracle needs node >= 18" >&2
  exit 1
fi

stamp=$(cat "$src/package.json" "$src/package-lock.json" "$src/.npmrc" | sha256sum | cut -d' ' -f1)
installed() {
  [ "$(cat "$dest/.installed" 2>/dev/null)" = "$stamp" ] || return 1
  local f
  for f in "${runtime_files[@]}"; do [ -s "$dest/$f" ] || return 1; done
}
if installed; then
  exit 0
fi

rm -f "$dest/.installed"
cp "$src/package.json" "$src/package-lock.json" "$src/.npmrc" "$dest/"
cache=${QGOLD_NPM_CACHE:-$dest/npm-cache}
npm_ci() {
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier \
    --legacy-peer-deps --cache "$cache" --logs-dir "$cache/_logs" --loglevel error "$@" >&2)
}
# A cache that already holds the locked tarball installs without the network; otherwise
# npm asks the registry.
if ! { [ -d "$cache" ] && npm_ci --offline 2>/dev/null; }; then
  echo "tflite_oracle: npm ci in $dest" >&2
  if ! npm_ci --fetch-retries 1 --fetch-retry-mintimeout 2000 --fetch-retry-maxtimeout 5000; then
    echo "tflite_oracle: npm ci failed in $dest (no network, or the registry is unreachable?)" >&2
    exit 1
  fi
fi
for f in "${runtime_files[@]}"; do
  if [ ! -s "$dest/$f" ]; then
    echo "tflite_oracle: npm ci did not install $dest/$f" >&2
    exit 1
  fi
done
echo "$stamp" >"$dest/.installed"
echo "tflite_oracle: installed $(node -p 'require(process.argv[1]).version' "$dest/$package/package.json") in $dest" >&2

# shellcheck shell=bash
# shellcheck disable=SC2154 # root and dest are set by the sourcing test script
# Shared by the oracle's ctest scripts (sourced). Needs $root (the checkout) and $dest (the
# runtime's install folder).

# Installs the runtime (scripts/tflite_oracle.sh; quick and offline when it is there). When that
# fails the test is skipped (exit 77), unless QGOLD_REQUIRE_TFLITE_ORACLE=1 or CI is set: in CI
# a missing oracle is a failure.
ensure_runtime() {
  local log
  if log=$("$root/scripts/tflite_oracle.sh" "$dest" 2>&1); then
    return 0
  fi
  echo "$log"
  if [ "${QGOLD_REQUIRE_TFLITE_ORACLE:-0}" = 1 ] || [ -n "${CI:-}" ]; then
    echo "FAIL: the TFLite runtime could not be installed in $dest, and this run requires it"
    exit 1
  fi
  echo "skipped: the TFLite runtime could not be installed in $dest (no network?); set QGOLD_REQUIRE_TFLITE_ORACLE=1 to make this a failure"
  exit 77
}

oracle() {
  node "$root/tools/tflite_oracle/oracle.mjs" --runtime "$dest" "$@"
}

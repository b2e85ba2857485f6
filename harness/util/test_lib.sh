# Shared by the shell tests of the qgold executable; sourced, not run.

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# write_relu_recipe FILE IN OUT DIM...: the tflchef recipe of IN -> ReLU -> OUT, float32 [DIM...].
write_relu_recipe() {
  local file=$1 in=$2 out=$3 dims=""
  shift 3
  for d in "$@"; do dims+="dim: $d "; done
  cat >"$file" <<RECIPE
operand { name: "$in" type: FLOAT32 shape { ${dims}} }
operand { name: "$out" type: FLOAT32 shape { ${dims}} }
operation { type: "ReLU" input: "$in" output: "$out" }
input: "$in"
output: "$out"
RECIPE
}

# finish MESSAGE: exits 1 when a check failed, else prints MESSAGE and exits 0.
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
  fi
  echo "$1"
  exit 0
}

#pragma once

// Compares a golden with a model tensor the way ONE's compare_tensors.py does.

#include "harness/golden/golden.h"
#include "harness/golden/tolerances.h"
#include "ir/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qgold::harness {

struct CompareOptions {
  Tolerances tolerances;
  // quantization/ and wo_quantization/ goldens may carry min/max that ONE does not check.
  bool compare_min_max = true;
  // The tensor's golden of the quantization step, if the case has one: its
  // scale measures min/max differences in quantization steps.
  const Golden *reference = nullptr;
};

struct Mismatch {
  std::string key;
  int64_t index = -1; // flat index; -1 for a mismatch of the whole key (count, shape, absence)
  double expected = 0, got = 0, diff = 0;
  // diff in quantization steps: codes for integer weights and zero points;
  // diff / scale for floats when the tensor has a scale
  std::optional<double> diff_steps;
  // integer weights: codes of room added because the tensor's scale differs
  // from the golden's (within tolerance), see compare_golden
  std::optional<double> scale_allowance;
  std::string problem;              // set for whole-key mismatches
  // "scale[1] expected 0.5 got 0.6 (diff 0.1)" or "weights: expected 16 values, got 8".
  std::string describe() const;
};

// Checks every key present in `expected` against `tensor` (treated as its
// circle-tensordump record, see golden_view). Floats weights use the float
// rule, integer weights the quantized rule (int64 tensors: quantized_int64_atol)
// widened by |code| * |s - s'| / s' when the tensor's scale s' differs from
// the golden's s by at most float_rtol relative (not in exact mode).
// A scalar golden value is compared with every element (numpy broadcasting, as
// in ONE); for lists, a different element count, a different weights shape or
// a key the tensor lacks is one whole-key mismatch.
std::vector<Mismatch> compare_golden(const Golden &expected, const ir::Tensor &tensor,
                                     const CompareOptions &options = {});

} // namespace qgold::harness

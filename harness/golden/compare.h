#pragma once

// Compares a golden with a model tensor under a suite's tolerances
// (tolerances.h): ONE's compare_tensors.py rules, or qgold's, which measure
// float values in quantization steps.

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
  // scale is the quantization step of the tensor's min, max and
  // fake-quantized weights (per channel).
  const Golden *reference = nullptr;
};

struct Mismatch {
  std::string key;
  int64_t index = -1; // flat index; -1 for a mismatch of the whole key (count, shape, absence)
  double expected = 0, got = 0, diff = 0;
  // diff in quantization steps: codes for integer weights and zero points;
  // diff / step for min, max and float weights when their step is known
  std::optional<double> diff_steps;
  // scale: how far the difference moves the codes at the ends of the
  // tensor's range (steps.h end_codes)
  std::optional<double> codes_moved;
  // integer weights: codes of room added because the tensor's scale differs
  // from the golden's (within tolerance), see compare_golden
  std::optional<double> scale_allowance;
  std::string problem; // set for whole-key mismatches
  // "zero_point[0] expected 0 got 3 (diff 3, 3 steps)",
  // "scale[0] expected 0.01 got 0.0101 (diff 0.0001, moves the end codes by 2.5)",
  // "weights: expected 16 values, got 8".
  std::string describe() const;
};

// Checks every key present in `expected` against `tensor` (treated as its
// circle-tensordump record, see golden_view):
//  - integer weights and zero points: within quantized_atol (int64 tensors:
//    quantized_int64_atol) and zero_point_atol codes; integer weights get
//    |code| * |s - s'| / s' more when the tensor's scale s' differs from the
//    golden's s by at most Tolerances::scale_relative() (not in exact mode);
//  - under the steps rule: scale within scale_rtol relative; min, max and
//    float weights within step_atol steps of options.reference's scale (else
//    of the tensor's own), or allclose when no step is known;
//  - under the allclose rule: every float value allclose.
// A scalar golden value is compared with every element (numpy broadcasting, as
// in ONE); for lists, a different element count, a different weights shape or
// a key the tensor lacks is one whole-key mismatch.
std::vector<Mismatch> compare_golden(const Golden &expected, const ir::Tensor &tensor,
                                     const CompareOptions &options = {});

// An inference golden (key codes, [records, ...shape]) against the codes a
// run computed (`got`, integral, same layout): every code within
// tolerances.inference_atol (exact: equal). A different shape is one
// whole-key mismatch; otherwise the mismatching codes follow one whole-key
// line saying how many of the tensor's codes differ, and by how much at most.
std::vector<Mismatch> compare_codes(const Golden &expected, const GoldenArray &got,
                                    const Tolerances &tolerances);

} // namespace qgold::harness

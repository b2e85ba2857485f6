#pragma once

// Per-suite comparison tolerances from a YAML file (docs/harness.md):
//   float_rtol: 1e-5          # fake-quantized weights, min, max, scale
//   float_atol: 1e-5
//   zero_point_atol: 1
//   quantized_atol: 1         # integer weights
//   quantized_int64_atol: 5   # int64 weights (int16-model bias)
//   exact: false              # every value must be equal
// Keys left out keep ONE's defaults.

#include <filesystem>
#include <string>

namespace qgold::harness {

// A value passes when |got - expected| <= atol + rtol * |expected|.
struct Tolerances {
  // Float weights (fake quantization), min, max and scale: numpy.allclose defaults of ONE.
  double float_rtol = 1e-5;
  double float_atol = 1e-5;
  double zero_point_atol = 1;
  double quantized_atol = 1;       // integer weights
  double quantized_int64_atol = 5; // integer weights of an int64 tensor (int16-model bias)
  // Exact mode: every value must be equal (overrides the tolerances above).
  bool exact = false;
};

// Errors are InputErrors "file:line:column: message".
Tolerances parse_tolerances(const std::string &text, const std::string &origin);
Tolerances load_tolerances(const std::filesystem::path &path);

} // namespace qgold::harness

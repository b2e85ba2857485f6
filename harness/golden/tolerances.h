#pragma once

// How close a value must be to its golden: the one place where the defaults
// live (docs/harness.md#tolerances).
//
// qgold's policy (the defaults below; qgold's bundled suite, adapters,
// --model, any new suite): a change is caught whenever it would move a
// quantized code. ONE's policy (one_allclose(); suite.tsv suites, ONE's
// contract): numpy.allclose. A suite's tolerances.yaml, or --tolerances,
// overrides single keys of its suite's policy:
//   float_rule: steps        # steps (qgold) or allclose (ONE)
//   scale_rtol: 1e-6         # steps: scale, relative
//   step_atol: 0.03          # steps: min, max, fake-quantized weights, in quantization steps
//   float_rtol: 1e-5         # allclose; and steps, for a float whose tensor has no scale
//   float_atol: 1e-5
//   zero_point_atol: 1
//   quantized_atol: 1        # integer weights
//   quantized_int64_atol: 5  # int64 weights (int16-model bias)
//   inference_atol: 0        # inference codes (a backend's suite may allow 1)
//   exact: false             # every value must be equal

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace qgold::harness {

struct Tolerances {
  enum class FloatRule {
    // Scales relative; min, max and fake-quantized weights in quantization
    // steps of their own tensor (the scale of its quantization golden).
    Steps,
    // |got - expected| <= float_atol + float_rtol * |expected| (numpy.allclose).
    Allclose,
  };
  FloatRule float_rule = FloatRule::Steps;
  // One code at the far end of an int16 range is 1/32767 = 3.1e-5 of the
  // scale, of a uint8 range 1/255: 1e-6 moves no code by more than 0.033.
  double scale_rtol = 1e-6;
  // 0.03 steps moves the end of a range, or a weight, by 0.03 of a code.
  double step_atol = 0.03;
  double float_rtol = 1e-5;
  double float_atol = 1e-5;
  double zero_point_atol = 1;
  double quantized_atol = 1;       // integer weights
  double quantized_int64_atol = 5; // integer weights of an int64 tensor (int16-model bias)
  // Codes of the inference step: qgold's engine is the reference, so none
  // may move; a backend whose kernels round differently may set 1.
  double inference_atol = 0;
  // Every value must be equal (overrides the tolerances above).
  bool exact = false;

  // ONE's comparison (compare_tensors.py): numpy.allclose with its defaults.
  static Tolerances one_allclose();
  // How far a scale may be from its golden, relative, for integer codes to
  // follow it (compare.h): scale_rtol, or float_rtol under allclose.
  double scale_relative() const;
};

// Errors are InputErrors "file:line:column: message". Keys left out keep
// the values of `base`.
Tolerances parse_tolerances(const std::string &text, const std::string &origin,
                            const Tolerances &base = {});
Tolerances load_tolerances(const std::filesystem::path &path, const Tolerances &base = {});

// Every key and its value, as in a tolerances.yaml (verify's JSON report).
nlohmann::json tolerances_json(const Tolerances &tolerances);
// The same on one line, "float_rule=steps scale_rtol=1e-06 ..." (JUnit).
std::string describe_tolerances(const Tolerances &tolerances);

} // namespace qgold::harness

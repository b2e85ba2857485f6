#include "harness/golden/compare.h"

#include <cmath>
#include <fmt/format.h>

namespace qgold::harness {

namespace {

struct Rule {
  double rtol, atol;
};

bool within(double expected, double got, Rule rule, bool exact) {
  if (expected == got)
    return true; // also equal infinities
  if (exact)
    return false;
  double diff = std::fabs(got - expected);
  return diff <= rule.atol + rule.rtol * std::fabs(expected); // false for NaN
}

// The quantization step that applies to flat element `index` of `tensor`, if known.
std::optional<double> step_of(const std::optional<GoldenArray> &scale, const ir::Tensor &tensor,
                              int64_t index, bool per_element) {
  if (!scale || scale->size() == 0)
    return std::nullopt;
  if (scale->size() == 1)
    return scale->at(0);
  if (!per_element || !tensor.quant)
    return std::nullopt;
  int32_t axis = tensor.quant->quantized_dimension;
  if (axis < 0 || size_t(axis) >= tensor.shape.size() ||
      scale->size() != size_t(tensor.shape[axis]))
    return std::nullopt;
  int64_t inner = 1;
  for (size_t d = axis + 1; d < tensor.shape.size(); ++d)
    inner *= tensor.shape[d];
  return scale->at((index / inner) % tensor.shape[axis]);
}

// How a difference converts to quantization steps: integer values are codes
// (one step each); float values are divided by the tensor's scale.
enum class Steps { None, Codes, Scale };

class KeyComparer {
public:
  KeyComparer(const ir::Tensor &tensor, const Golden &expected, const Golden &actual,
              const CompareOptions &options, std::vector<Mismatch> &out)
      : tensor_(tensor), expected_(expected), actual_(actual), options_(options), out_(out) {}

  void compare(const std::string &key, const GoldenArray &expected,
               const std::optional<GoldenArray> &got, Rule rule, Steps steps) {
    if (!got) {
      whole_key(key, "the tensor has no " + key);
      return;
    }
    // numpy.allclose broadcasts a scalar golden over every element: ONE's
    // per-channel goldens may hold a single zero_point 0.0 for all channels.
    bool broadcast = expected.is_scalar && expected.size() == 1;
    if (!broadcast && expected.size() != got->size()) {
      whole_key(key, fmt::format("expected {} values, got {}", expected.size(), got->size()));
      return;
    }
    if (key == "weights" && !expected.is_scalar && !got->shape.empty() &&
        expected.shape != got->shape) {
      whole_key(key, fmt::format("expected shape {}, got {}", ir::shape_to_string(expected.shape),
                                 ir::shape_to_string(got->shape)));
      return;
    }
    for (size_t i = 0; i < got->size(); ++i) {
      double e = expected.at(broadcast ? 0 : i), g = got->at(i);
      double allowance = 0;
      if (steps == Steps::Codes && key == "weights" && !options_.tolerances.exact)
        allowance = scale_allowance(e, static_cast<int64_t>(i));
      if (within(e, g, Rule{rule.rtol, rule.atol + allowance}, options_.tolerances.exact))
        continue;
      Mismatch mismatch;
      mismatch.key = key;
      mismatch.index = static_cast<int64_t>(i);
      mismatch.expected = e;
      mismatch.got = g;
      mismatch.diff = std::fabs(g - e);
      if (allowance > 0)
        mismatch.scale_allowance = allowance;
      if (steps == Steps::Codes)
        mismatch.diff_steps = mismatch.diff;
      if (steps == Steps::Scale) {
        auto step = step_of(actual_.scale, tensor_, mismatch.index, key == "weights");
        if (!step && (key == "min" || key == "max") && options_.reference &&
            options_.reference->scale && options_.reference->scale->size() == 1)
          step = options_.reference->scale->at(0);
        if (step && *step > 0)
          mismatch.diff_steps = mismatch.diff / *step;
      }
      out_.push_back(std::move(mismatch));
    }
  }

private:
  // Integer codes q = round(x / s) scale with 1/s: when the tensor's scale s'
  // differs slightly from the golden's s (e.g. min/max recorded with another
  // summation order), the codes move by |q| * |s - s'| / s' on top of
  // rounding. That shift follows from the scale, which is checked on its own;
  // it matters for int32/int64 bias, whose codes reach 1e7 and more. Only a
  // relative scale difference within float_rtol counts (not float_atol, which
  // would admit 10% on a scale of 1e-4), so codes never move more than
  // |q| * float_rtol.
  double scale_allowance(double expected_code, int64_t index) const {
    auto expected_step = step_of(expected_.scale, tensor_, index, true);
    auto actual_step = step_of(actual_.scale, tensor_, index, true);
    if (!expected_step || !actual_step || *expected_step <= 0 || *actual_step <= 0)
      return 0;
    const double scale_diff = std::fabs(*expected_step - *actual_step);
    if (scale_diff > options_.tolerances.float_rtol * *expected_step)
      return 0; // codes get no extra room; a scale beyond tolerance is reported itself
    return std::fabs(expected_code) * scale_diff / *actual_step;
  }

  void whole_key(const std::string &key, std::string problem) {
    Mismatch mismatch;
    mismatch.key = key;
    mismatch.problem = std::move(problem);
    out_.push_back(std::move(mismatch));
  }

  const ir::Tensor &tensor_;
  const Golden &expected_;
  const Golden &actual_;
  const CompareOptions &options_;
  std::vector<Mismatch> &out_;
};

} // namespace

std::string Mismatch::describe() const {
  if (index < 0)
    return fmt::format("{}: {}", key, problem);
  std::string text = fmt::format("{}[{}] expected {} got {} (diff {}", key, index, expected, got, diff);
  if (diff_steps)
    text += fmt::format(", {:.3g} steps", *diff_steps);
  if (scale_allowance)
    text += fmt::format(", {:.3g} more allowed for the scale difference", *scale_allowance);
  return text + ")";
}

std::vector<Mismatch> compare_golden(const Golden &expected, const ir::Tensor &tensor,
                                     const CompareOptions &options) {
  const Tolerances &tol = options.tolerances;
  Golden actual = golden_view(tensor);
  std::vector<Mismatch> out;
  KeyComparer comparer(tensor, expected, actual, options, out);
  Rule float_rule{tol.float_rtol, tol.float_atol};
  if (expected.weights) {
    bool float_weights = tensor.dtype == ir::DType::Float32;
    Rule rule = float_weights ? float_rule
                : tensor.dtype == ir::DType::Int64 ? Rule{0, tol.quantized_int64_atol}
                                                   : Rule{0, tol.quantized_atol};
    comparer.compare("weights", *expected.weights, actual.weights, rule,
                     float_weights ? Steps::Scale : Steps::Codes);
  }
  if (expected.scale)
    comparer.compare("scale", *expected.scale, actual.scale, float_rule, Steps::Scale);
  if (expected.zero_point)
    comparer.compare("zero_point", *expected.zero_point, actual.zero_point,
                     Rule{0, tol.zero_point_atol}, Steps::Codes);
  if (options.compare_min_max) {
    if (expected.min)
      comparer.compare("min", *expected.min, actual.min, float_rule, Steps::Scale);
    if (expected.max)
      comparer.compare("max", *expected.max, actual.max, float_rule, Steps::Scale);
  }
  return out;
}

} // namespace qgold::harness

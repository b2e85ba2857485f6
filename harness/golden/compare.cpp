#include "harness/golden/compare.h"

#include "harness/golden/steps.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace qgold::harness {

namespace {

// What a key holds, which decides its rule.
enum class Kind {
  Codes, // integer weights, zero points
  Scale,
  Value, // min, max, float weights: measured in quantization steps
};

class KeyComparer {
public:
  KeyComparer(const ir::Tensor &tensor, const Golden &expected, const Golden &actual,
              const CompareOptions &options, std::vector<Mismatch> &out)
      : tensor_(tensor), expected_(expected), actual_(actual), options_(options),
        tolerances_(options.tolerances), out_(out) {}

  void compare(const std::string &key, const GoldenArray &expected,
               const std::optional<GoldenArray> &got, Kind kind, double code_atol = 0) {
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
      const double e = expected.at(broadcast ? 0 : i), g = got->at(i);
      const int64_t index = static_cast<int64_t>(i);
      std::optional<double> step = kind == Kind::Value ? value_step(key, i) : std::nullopt;
      double allowance = kind == Kind::Codes && key == "weights" && !tolerances_.exact
                             ? scale_allowance(e, index)
                             : 0;
      if (e == g ||
          (!tolerances_.exact && std::fabs(g - e) <= allowed(kind, e, step, code_atol + allowance)))
        continue; // a NaN difference is never allowed
      Mismatch mismatch;
      mismatch.key = key;
      mismatch.index = index;
      mismatch.expected = e;
      mismatch.got = g;
      mismatch.diff = std::fabs(g - e);
      if (allowance > 0)
        mismatch.scale_allowance = allowance;
      if (kind == Kind::Codes)
        mismatch.diff_steps = mismatch.diff;
      if (step)
        mismatch.diff_steps = mismatch.diff / *step;
      if (kind == Kind::Scale && i < end_codes().size())
        mismatch.codes_moved = codes_moved(end_codes()[i], e, g);
      out_.push_back(std::move(mismatch));
    }
  }

private:
  // The largest |got - expected| a value may have.
  double allowed(Kind kind, double expected, std::optional<double> step, double code_atol) const {
    const bool steps = tolerances_.float_rule == Tolerances::FloatRule::Steps;
    const double allclose = tolerances_.float_atol + tolerances_.float_rtol * std::fabs(expected);
    switch (kind) {
    case Kind::Codes:
      return code_atol;
    case Kind::Scale:
      return steps ? tolerances_.scale_rtol * std::fabs(expected) : allclose;
    case Kind::Value:
      return steps && step ? tolerances_.step_atol * *step : allclose;
    }
    return 0;
  }

  int32_t tensor_axis() const { return tensor_.quant ? tensor_.quant->quantized_dimension : -1; }

  // The quantization step of min, max or a float weight: the scale of the
  // tensor's quantization golden, else the tensor's own scale.
  std::optional<double> value_step(const std::string &key, size_t index) const {
    for (const Golden *source : {options_.reference, &actual_}) {
      if (!source || !source->scale || source->scale->size() == 0)
        continue;
      const GoldenArray &scale = *source->scale;
      std::optional<double> step;
      if (key == "weights")
        step = element_scale(scale, tensor_.shape,
                             channel_axis(tensor_.shape, scale.size(), tensor_axis()), index);
      else if (scale.size() == 1)
        step = scale.at(0);
      if (step && *step > 0)
        return step;
    }
    return std::nullopt;
  }

  // Per channel, how far the golden's codes reach from the zero point.
  const std::vector<double> &end_codes() {
    if (!ends_) {
      int32_t axis =
          expected_.weights && expected_.scale
              ? channel_axis(expected_.weights->shape, expected_.scale->size(), tensor_axis())
              : -1;
      ends_ = harness::end_codes(expected_, tensor_.dtype, axis);
    }
    return *ends_;
  }

  // Integer codes q = round(x / s) scale with 1/s: when the tensor's scale s'
  // differs slightly from the golden's s (e.g. min/max recorded with another
  // summation order), the codes move by |q| * |s - s'| / s' on top of
  // rounding. That shift follows from the scale, which is checked on its own;
  // it matters for int32/int64 bias, whose codes reach 1e7 and more. Only a
  // relative scale difference within scale_relative() counts (not float_atol,
  // which would admit 10% on a scale of 1e-4), so codes never move more than
  // |q| * scale_relative().
  double scale_allowance(double expected_code, int64_t index) const {
    if (!expected_.scale || !actual_.scale)
      return 0;
    auto expected_step = element_scale(*expected_.scale, tensor_.shape, tensor_axis(), index);
    auto actual_step = element_scale(*actual_.scale, tensor_.shape, tensor_axis(), index);
    if (!expected_step || !actual_step || *expected_step <= 0 || *actual_step <= 0)
      return 0;
    const double scale_diff = std::fabs(*expected_step - *actual_step);
    if (scale_diff > tolerances_.scale_relative() * *expected_step)
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
  const Tolerances &tolerances_;
  std::vector<Mismatch> &out_;
  std::optional<std::vector<double>> ends_;
};

} // namespace

std::string Mismatch::describe() const {
  if (index < 0)
    return fmt::format("{}: {}", key, problem);
  std::string text =
      fmt::format("{}[{}] expected {} got {} (diff {}", key, index, expected, got, diff);
  if (diff_steps)
    text += fmt::format(", {:.3g} steps", *diff_steps);
  if (codes_moved)
    text += fmt::format(", moves the end codes by {:.3g}", *codes_moved);
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
  if (expected.weights) {
    if (tensor.dtype == ir::DType::Float32)
      comparer.compare("weights", *expected.weights, actual.weights, Kind::Value);
    else
      comparer.compare("weights", *expected.weights, actual.weights, Kind::Codes,
                       tensor.dtype == ir::DType::Int64 ? tol.quantized_int64_atol
                                                        : tol.quantized_atol);
  }
  if (expected.scale)
    comparer.compare("scale", *expected.scale, actual.scale, Kind::Scale);
  if (expected.zero_point)
    comparer.compare("zero_point", *expected.zero_point, actual.zero_point, Kind::Codes,
                     tol.zero_point_atol);
  if (options.compare_min_max) {
    if (expected.min)
      comparer.compare("min", *expected.min, actual.min, Kind::Value);
    if (expected.max)
      comparer.compare("max", *expected.max, actual.max, Kind::Value);
  }
  return out;
}

std::vector<Mismatch> compare_codes(const Golden &expected, const GoldenArray &got,
                                    const Tolerances &tolerances) {
  std::vector<Mismatch> out;
  auto whole = [&](std::string problem) {
    Mismatch mismatch;
    mismatch.key = "codes";
    mismatch.problem = std::move(problem);
    out.push_back(std::move(mismatch));
  };
  if (!expected.codes) {
    whole("the golden has no codes");
    return out;
  }
  const GoldenArray &want = *expected.codes;
  if (want.shape != got.shape || !want.integral) {
    whole(fmt::format("expected {} codes of shape [{}] (records, tensor shape), got shape [{}]",
                      want.integral ? "integer" : "(not integer)", fmt::join(want.shape, ", "),
                      fmt::join(got.shape, ", ")));
    return out;
  }
  const double atol = tolerances.exact ? 0.0 : tolerances.inference_atol;
  double largest = 0;
  for (size_t i = 0; i < want.ints.size(); ++i) {
    const double diff = std::fabs(static_cast<double>(got.ints[i] - want.ints[i]));
    if (diff <= atol)
      continue;
    largest = std::max(largest, diff);
    Mismatch mismatch;
    mismatch.key = "codes";
    mismatch.index = static_cast<int64_t>(i);
    mismatch.expected = static_cast<double>(want.ints[i]);
    mismatch.got = static_cast<double>(got.ints[i]);
    mismatch.diff = diff;
    mismatch.diff_steps = diff;
    out.push_back(mismatch);
  }
  if (!out.empty()) // the share of the tensor first: one code or all of them
    out.insert(out.begin(),
               Mismatch{"codes", -1, 0, 0, 0, std::nullopt, std::nullopt, std::nullopt,
                        fmt::format("{} of {} codes ({:.3g}%) differ by more than {}, by up to {}",
                                    out.size(), want.ints.size(),
                                    100.0 * static_cast<double>(out.size()) /
                                        static_cast<double>(want.ints.size()),
                                    atol, largest)});
  return out;
}

} // namespace qgold::harness

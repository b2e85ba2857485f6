#include "interp/kernels/gelu.h"

#include <cmath>
#include <numbers>

namespace qgold::interp::kernels {
namespace {

// TFLite's kSqrt2dPi = M_2_SQRTPI * M_SQRT1_2 (2/sqrt(pi) * 1/sqrt(2)), in double, then float.
constexpr float kSqrt2OverPi =
    static_cast<float>(2.0 * std::numbers::inv_sqrtpi * (1.0 / std::numbers::sqrt2));
constexpr float kInvSqrt2 = static_cast<float>(1.0 / std::numbers::sqrt2);

} // namespace

void gelu(const GeluParams &params, const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    if (params.approximate)
      output[i] = 0.5f * x * (1.0f + std::tanh(kSqrt2OverPi * (x + 0.044715f * (x * x * x))));
    else
      output[i] = 0.5f * x * std::erfc(x * -kInvSqrt2);
  }
}

} // namespace qgold::interp::kernels

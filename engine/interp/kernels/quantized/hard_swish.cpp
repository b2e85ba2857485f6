#include "interp/kernels/quantized/hard_swish.h"

#include "interp/kernels/quantized/fixed_point.h"

#include <algorithm>
#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

constexpr int16_t kInt16Max = std::numeric_limits<int16_t>::max();
constexpr int16_t kInt16Min = std::numeric_limits<int16_t>::min();

// A Q0.31 mantissa rounded to Q0.15 (TFLite's DownScaleInt32ToInt16Multiplier).
int16_t to_int16_multiplier(int32_t value) {
  constexpr int32_t kRounding = 1 << 15;
  if (value >= std::numeric_limits<int32_t>::max() - kRounding)
    return kInt16Max;
  return static_cast<int16_t>((value + kRounding) >> 16);
}

// gemmlowp's 16-bit SaturatingRoundingDoublingHighMul: round(a * b / 2^15), ties up.
int16_t rounding_high_mul(int16_t a, int16_t b) {
  if (a == kInt16Min && b == kInt16Min)
    return kInt16Max;
  const int32_t ab = static_cast<int32_t>(a) * b;
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

// TFLite's SaturatingDoublingHighMul: a * b / 2^15 truncated toward zero.
int16_t truncating_high_mul(int16_t a, int16_t b) {
  if (a == kInt16Min && b == kInt16Min)
    return kInt16Max;
  return static_cast<int16_t>(static_cast<int32_t>(a) * b / (1 << 15));
}

int16_t saturating_left_shift(int16_t value, int amount) {
  const int64_t shifted = static_cast<int64_t>(value) * (int64_t{1} << amount);
  return static_cast<int16_t>(std::clamp<int64_t>(shifted, kInt16Min, kInt16Max));
}

} // namespace

bool hard_swish_quant(const QuantInfo &input, const QuantInfo &output, HardSwishQuant *q) {
  const float hires_input_scale = (1.0f / 128.0f) * input.scale;
  const float reluish_scale = 3.0f / 32768.0f;
  const Multiplier out = quantize_multiplier(static_cast<double>(hires_input_scale / output.scale));
  const Multiplier reluish =
      quantize_multiplier(static_cast<double>(hires_input_scale / reluish_scale));
  *q = {input.zero_point, output.zero_point, to_int16_multiplier(out.value),
        to_int16_multiplier(reluish.value), out.shift, reluish.shift};
  return out.shift <= 0;
}

template <typename T>
void hard_swish(const HardSwishQuant &q, int64_t count, const T *input, T *output) {
  for (int64_t i = 0; i < count; ++i) {
    const auto hires = static_cast<int16_t>((input[i] - q.input_zero_point) * (1 << 7));
    const int16_t on_output_scale = rounding_high_mul(hires, q.output_multiplier);
    int16_t reluish = hires;
    if (q.reluish_exponent > 0)
      reluish = saturating_left_shift(reluish, q.reluish_exponent - 1);
    reluish = rounding_high_mul(reluish, q.reluish_multiplier);
    if (q.reluish_exponent > 0)
      reluish = saturating_left_shift(reluish, 1);
    if (q.reluish_exponent < 0)
      reluish = static_cast<int16_t>(rounding_divide_by_pot(reluish, -q.reluish_exponent));
    reluish = static_cast<int16_t>((reluish + (1 << 15)) >> 1); // [-1, 1] to [0, 1]
    const int16_t product = truncating_high_mul(reluish, on_output_scale);
    const int32_t value = rounding_divide_by_pot(product, -q.output_exponent) + q.output_zero_point;
    output[i] = static_cast<T>(std::clamp<int32_t>(value, std::numeric_limits<T>::min(),
                                                   std::numeric_limits<T>::max()));
  }
}

template void hard_swish(const HardSwishQuant &, int64_t, const uint8_t *, uint8_t *);
template void hard_swish(const HardSwishQuant &, int64_t, const int8_t *, int8_t *);

} // namespace qgold::interp::kernels::quantized

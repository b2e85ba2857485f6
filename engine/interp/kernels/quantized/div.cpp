#include "interp/kernels/quantized/div.h"

#include "interp/kernels/broadcast.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

// gemmlowp's RoundingHalfSum: (a + b) / 2 rounded half away from zero.
int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = int64_t{a} + b;
  return static_cast<int32_t>((sum + (sum >= 0 ? 1 : -1)) / 2);
}

// gemmlowp's SaturatingRoundingMultiplyByPOT for a positive exponent: a left
// shift saturating at the int32 limits.
int32_t saturating_shift_left(int32_t x, int exponent) {
  const int32_t threshold = (int32_t{1} << (31 - exponent)) - 1;
  if (x > threshold)
    return std::numeric_limits<int32_t>::max();
  if (x < -threshold)
    return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

// TFLite's CountLeadingSignBits (0 has 31).
int leading_sign_bits(int32_t x) {
  if (x >= 0)
    return std::countl_zero(static_cast<uint32_t>(x)) - 1;
  if (x == std::numeric_limits<int32_t>::min())
    return 0;
  return std::countl_zero(2 * static_cast<uint32_t>(-x) - 1);
}

// RoundingDivideByPOT for any exponent: a left shift for a negative one (a
// multiplier beyond the references' range), and 0 from 32 on, where the
// quotient of any int32 rounds to 0 (the reference's mask overflows there).
int32_t divide_by_pot(int32_t x, int exponent) {
  if (exponent < 0) {
    const int64_t shifted = int64_t{x} * (int64_t{1} << std::min(-exponent, 31));
    return static_cast<int32_t>(std::clamp<int64_t>(shifted, std::numeric_limits<int32_t>::min(),
                                                    std::numeric_limits<int32_t>::max()));
  }
  if (exponent > 31)
    return 0;
  return rounding_divide_by_pot(x, exponent);
}

} // namespace

DivQuant div_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   IntRange output_range) {
  const double real = static_cast<double>(input1.scale / (input2.scale * output.scale));
  return {input1.zero_point, input2.zero_point, quantize_multiplier(real), output.zero_point,
          output_range};
}

int32_t reciprocal(int32_t b, int *bits_over_unit) {
  const int headroom_plus_one = std::countl_zero(static_cast<uint32_t>(b));
  *bits_over_unit = 31 - headroom_plus_one;
  // f = b / 2^k - 1 in Q0.31.
  const auto f =
      static_cast<int32_t>((static_cast<uint32_t>(b) << headroom_plus_one) - (uint32_t{1} << 31));
  // Q0.31 and Q2.29 (2 integer bits) raw values; a product of Qm and Qn is
  // the doubling high multiply of the raws, in Q(m+n).
  const int32_t half_denominator = rounding_half_sum(f, std::numeric_limits<int32_t>::max());
  constexpr int32_t k48Over17 = 1515870810, kNeg32Over17 = -1010580540, kOneQ2 = 1 << 29;
  int32_t x = k48Over17 + saturating_rounding_doubling_high_mul(half_denominator, kNeg32Over17);
  for (int i = 0; i < 3; ++i) {
    const int32_t one_minus = kOneQ2 - saturating_rounding_doubling_high_mul(half_denominator, x);
    // x * one_minus is Q4.27; rescaled to Q2.29 by 2^2, saturating.
    x += saturating_shift_left(saturating_rounding_doubling_high_mul(x, one_minus), 2);
  }
  // x / 2 in Q1.30 is x's raw; Q1.30 to Q0.31 by 2^1, saturating.
  return saturating_shift_left(x, 1);
}

int32_t div_code(const DivQuant &q, int32_t x, int32_t y) {
  int32_t a = x - q.input1_zero_point, b = y - q.input2_zero_point;
  if (b == 0) {
    const int32_t side =
        a > 0 ? q.output_range.max : (a < 0 ? q.output_range.min : q.output_zero_point);
    return q.output_range.clamp(side);
  }
  if (b < 0) {
    a = -a;
    b = -b;
  }
  int bits_over_unit = 0;
  const int32_t inverse = reciprocal(b, &bits_over_unit);
  const int headroom = leading_sign_bits(a);
  const int32_t quotient = saturating_rounding_doubling_high_mul(
      static_cast<int32_t>(static_cast<uint32_t>(a) << headroom), inverse);
  const int total_shift = q.output.shift - bits_over_unit - headroom;
  const int32_t scaled =
      divide_by_pot(saturating_rounding_doubling_high_mul(quotient, q.output.value), -total_shift);
  return q.output_range.clamp(q.output_zero_point + scaled);
}

template <typename T>
void div(const DivQuant &q, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out,
                   [&](T a, T b) { return static_cast<T>(div_code(q, a, b)); });
}

template void div(const DivQuant &, const ir::Shape &, const uint8_t *, const ir::Shape &,
                  const uint8_t *, const ir::Shape &, uint8_t *);
template void div(const DivQuant &, const ir::Shape &, const int8_t *, const ir::Shape &,
                  const int8_t *, const ir::Shape &, int8_t *);
template void div(const DivQuant &, const ir::Shape &, const int16_t *, const ir::Shape &,
                  const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/rsqrt.h"

#include <bit>
#include <cmath>
#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();
constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();

// gemmlowp's SaturatingRoundingMultiplyByPOT<exponent> for exponent > 0.
int32_t saturating_shift_left(int32_t x, int exponent) {
  const int64_t shifted = static_cast<int64_t>(x) * (int64_t{1} << exponent);
  return shifted > kInt32Max ? kInt32Max : (shifted < kInt32Min ? kInt32Min : static_cast<int32_t>(shifted));
}

// A product of two gemmlowp fixed-point values (raw = the doubling high multiply).
int32_t mul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }

} // namespace

Multiplier inv_sqrt_multiplier(int32_t input) {
  if (input <= 1)
    return {kInt32Max, 0};
  int shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++shift;
  }
  const int max_left_shift_bits = std::countl_zero(static_cast<uint32_t>(input)) - 1;
  const int left_shift_bit_pairs = max_left_shift_bits / 2 - 1;
  shift -= left_shift_bit_pairs;
  input <<= 2 * left_shift_bit_pairs;
  // Q3.28 (3 integer bits): x_{n+1} = 1.5 x - (input / 2) x^3, from x = 1, five times.
  const int32_t half_input = rounding_divide_by_pot(input >> 1, 1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = saturating_shift_left(mul(mul(x, x), x), 6); // Q9 -> Q3
    x = saturating_shift_left(mul(half_three, x) - mul(half_input, x3), 3); // Q6 -> Q3
  }
  constexpr int32_t kHalfSqrt2 = 1518500250; // sqrt(2) / 2 in Q0.31
  int32_t value = mul(x, kHalfSqrt2);
  if (shift < 0) {
    value <<= -shift;
    shift = 0;
  }
  return {value, -shift};
}

RsqrtQuant rsqrt_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range) {
  const double real = 1.0 / static_cast<double>(std::sqrt(input.scale) * output.scale);
  return {input.zero_point, output.zero_point, quantize_multiplier(real), output_range};
}

template <typename T> bool rsqrt(const RsqrtQuant &q, int64_t count, const T *input, T *output) {
  constexpr int kShift = 20; // keeps 1/sqrt(d) an integer
  for (int64_t i = 0; i < count; ++i)
    if (input[i] < q.input_zero_point)
      return false;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t d = input[i] - q.input_zero_point;
    if (d == 0) {
      output[i] = static_cast<T>(q.output_range.max);
      continue;
    }
    const Multiplier inv = inv_sqrt_multiplier(d);
    const int32_t scaled = multiply(1, Multiplier{inv.value, inv.shift + kShift});
    const int32_t value =
        multiply(scaled, Multiplier{q.multiplier.value, q.multiplier.shift - kShift});
    output[i] = static_cast<T>(q.output_range.clamp(value + q.output_zero_point));
  }
  return true;
}

template bool rsqrt(const RsqrtQuant &, int64_t, const uint8_t *, uint8_t *);
template bool rsqrt(const RsqrtQuant &, int64_t, const int8_t *, int8_t *);

} // namespace qgold::interp::kernels::quantized

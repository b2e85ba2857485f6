#include "interp/kernels/quantized/fixed_point.h"

#include <cmath>
#include <limits>

namespace qgold::interp::kernels::quantized {

Multiplier quantize_multiplier(double real) {
  if (real == 0.0)
    return {};
  int shift = 0;
  const double mantissa = std::frexp(real, &shift);
  auto fixed = static_cast<int64_t>(std::round(mantissa * static_cast<double>(int64_t{1} << 31)));
  if (fixed == (int64_t{1} << 31)) {
    fixed /= 2;
    ++shift;
  }
  if (shift < -31) // every bit would be shifted out: flushed to zero
    return {};
  return {static_cast<int32_t>(fixed), shift};
}

int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == b && a == std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::max();
  const int64_t product = static_cast<int64_t>(a) * b;
  const int64_t nudge = product >= 0 ? (int64_t{1} << 30) : 1 - (int64_t{1} << 30);
  // Division truncates toward zero, as in gemmlowp.
  return static_cast<int32_t>((product + nudge) / (int64_t{1} << 31));
}

int32_t rounding_divide_by_pot(int32_t x, int exponent) {
#ifdef QGOLD_MUTANT_FLOORING_SHIFT // harness/bundled/mutant_rounding_test.cpp: must be caught
  return x >> exponent;
#endif
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t multiply(int32_t x, Multiplier m) {
  const int left = m.shift > 0 ? m.shift : 0;
  const int right = m.shift > 0 ? 0 : -m.shift;
  // x * 2^left wraps like the reference's int32 product.
  const auto shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << left);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, m.value), right);
}

int32_t multiply(int64_t x, Multiplier m) {
  const int32_t reduced = m.value < 0x7FFF0000 ? (m.value + (1 << 15)) >> 16 : 0x7FFF;
  const int total_shift = 15 - m.shift;
  if (total_shift < 1) // a multiplier of 2^15 or more: outside the references' range, exact here
    return static_cast<int32_t>(x * reduced * (int64_t{1} << -total_shift));
  const int64_t rounded = x * reduced + (int64_t{1} << (total_shift - 1));
  return static_cast<int32_t>(rounded >> total_shift);
}

} // namespace qgold::interp::kernels::quantized

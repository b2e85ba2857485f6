#pragma once

// The integer arithmetic of TFLite's quantized kernels (kernels/internal/
// common.h, quantization_util.cc and gemmlowp's fixedpoint.h): a real
// multiplier becomes a Q0.31 mantissa and a power-of-two exponent, and a
// product is rescaled with a rounding doubling high multiply followed by a
// rounding right shift (ties toward +inf, then away from zero). luci-interpreter
// uses the same functions for ONE's schemes.

#include <cstdint>

namespace qgold::interp::kernels::quantized {

// real = value * 2^(shift - 31), value in [2^30, 2^31) (0 for real = 0).
struct Multiplier {
  int32_t value = 0;
  int shift = 0;
  bool operator==(const Multiplier &) const = default;
};

// TFLite's QuantizeMultiplier: frexp, mantissa rounded half away from zero
// to 31 bits (a mantissa that rounds up to 2^31 is halved, the exponent
// raised); a multiplier below 2^-31 becomes 0.
Multiplier quantize_multiplier(double real);

// gemmlowp's SaturatingRoundingDoublingHighMul: round(a * b / 2^31), ties
// toward +inf (-1.5 becomes -1); INT32_MIN * INT32_MIN saturates to INT32_MAX.
int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b);

// gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties
// away from zero, 0 <= exponent <= 31.
int32_t rounding_divide_by_pot(int32_t x, int exponent);

// MultiplyByQuantizedMultiplier on an int32 (the 8-bit kernels): a left
// shift for shift > 0, the doubling high multiply, then a rounding right
// shift for shift < 0 (two roundings, TFLite's default build).
int32_t multiply(int32_t x, Multiplier m);

// MultiplyByQuantizedMultiplier on an int64 accumulator (the 16-bit kernels
// of TFLite and luci-interpreter): the mantissa reduced to 15 bits (rounded;
// 0x7FFF for mantissas from 0x7FFF0000), one multiply and one rounding shift
// by 15 - shift; the result keeps the low 32 bits.
int32_t multiply(int64_t x, Multiplier m);

} // namespace qgold::interp::kernels::quantized

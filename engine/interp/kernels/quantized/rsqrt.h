#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"

namespace qgold::interp::kernels::quantized {

// Quantized Rsqrt as TFLite's RsqrtEvalQuantized (elementwise.cc, int8; qgold
// uses it for uint8 too, int16 runs float_fallback.h): d = x - z_in; d = 0
// gives the dtype's maximum; otherwise 1/sqrt(d) from
// GetInvSqrtQuantizedMultiplierExp (five Newton-Raphson steps in gemmlowp's
// Q3.28 fixed point), as the integer M(1) << 20, rescaled by
// 1 / (sqrt(s_in) * s_out) (sqrt and product in float) with a right shift of
// 20, plus z_out, clamped. A negative d (an input below zero) is refused by
// TFLite; the caller checks it.
struct RsqrtQuant {
  int32_t input_zero_point = 0, output_zero_point = 0;
  Multiplier multiplier;
  IntRange output_range;
};

RsqrtQuant rsqrt_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range);

// TFLite's GetInvSqrtQuantizedMultiplierExp(input, reverse_shift = -1): 1/sqrt(input) as a
// multiplier, input >= 0.
Multiplier inv_sqrt_multiplier(int32_t input);

// False (and nothing written) when an input lies below the zero point.
template <typename T> bool rsqrt(const RsqrtQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized SquaredDifference as TFLite's int8 kernel (squared_difference.cc):
// each (x - z) << 7 rescaled by s / (2 max(s_a, s_b)) (QuantizeMultiplier-
// SmallerThanOneExp, in double), the difference squared in int32, rescaled by
// (2 max)^2 / (2^14 s_out), plus z_out, clamped to the dtype. TFLite has no
// uint8 or int16 SquaredDifference; qgold uses the same arithmetic (int16
// differences of up to 2^16 << 7 would overflow the square: int16 runs
// float_fallback.h instead).
struct SquaredDifferenceQuant {
  int32_t x_zero_point = 0, y_zero_point = 0, output_zero_point = 0;
  Multiplier x_multiplier, y_multiplier, output_multiplier;
  IntRange output_range;
};

SquaredDifferenceQuant squared_difference_quant(const QuantInfo &x, const QuantInfo &y,
                                                const QuantInfo &output, IntRange output_range);

template <typename T>
void squared_difference(const SquaredDifferenceQuant &quant, const ir::Shape &x_shape, const T *x,
                        const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized Div, TFLite's reference integer Div (reference_ops::
// DivElementwise / BroadcastDivSlowQuantized, which luci-interpreter runs for
// uint8; TFLite's builtin kernel takes uint8 only and qgold gives int8 and
// int16 the same arithmetic). Per element, a = x - z_x and b = y - z_y, both
// negated when b < 0; 1/b is the Q0.31 reciprocal of b normalized into
// [1, 2) (`reciprocal`), a is shifted left by its headroom h (its redundant
// sign bits) and multiplied by it (doubling high multiply), and the quotient
// is rescaled by M = s_x / (s_y * s_out) (computed in float, as TFLite's
// Prepare) with M's exponent minus the reciprocal's bits over unit minus h,
// plus z_out, clamped to the fused activation's range. A divisor that
// stands for 0 (b = 0, undefined in the reference) gives the range's end on
// a's side, or z_out for 0 / 0.
struct DivQuant {
  int32_t input1_zero_point = 0, input2_zero_point = 0;
  Multiplier output;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

DivQuant div_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   IntRange output_range);

// TFLite's GetReciprocal with 31 integer digits, for b > 0: b = 2^k * (1 + f)
// with f in [0, 1); returns 1 / (1 + f) in Q0.31 (gemmlowp's
// one_over_one_plus_x_for_x_in_0_1, three Newton-Raphson steps) and sets
// `bits_over_unit` to k.
int32_t reciprocal(int32_t b, int *bits_over_unit);

// The output code of x / y for the codes x and y, clamped to
// quant.output_range.
int32_t div_code(const DivQuant &quant, int32_t x, int32_t y);

template <typename T>
void div(const DivQuant &quant, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized

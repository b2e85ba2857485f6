#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized Mul: out = clamp(zo + R((x - zx) * (y - zy))), the int32 product
// rescaled by s_x s_y / s_out. 8-bit: TFLite's reference MulElementwise, its
// Prepare computing s_x * s_y / s_out in float; int16: luci-interpreter's
// Mul, the same ratio in double.
struct MulQuant {
  int32_t input1_zero_point = 0, input2_zero_point = 0;
  Multiplier output;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

MulQuant mul_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   ir::DType dtype, IntRange output_range);

template <typename T>
void mul(const MulQuant &quant, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized

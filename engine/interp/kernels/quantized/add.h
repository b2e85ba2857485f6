#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// TFLite's quantized Add/Sub arithmetic (reference AddElementwise and
// SubElementwise): each operand (x - zx), shifted left by `left_shift`, is
// rescaled by s_x / (2 max(s_a, s_b)); the sum (difference) is rescaled by
// 2 max(s_a, s_b) / (2^left_shift s_out), the output zero point added and the
// result clamped. 8-bit: left_shift 20 (TFLite). int16: left_shift 12 and
// zero points 0, luci-interpreter's Add for ONE's int16 (its Sub has no
// int16 kernel; qgold applies the same arithmetic).
struct AddQuant {
  int32_t input1_zero_point = 0, input2_zero_point = 0;
  int left_shift = 20;
  Multiplier input1, input2, output;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

// The left shift of `dtype`: 20 for 8-bit codes, 12 for int16.
int add_left_shift(ir::DType dtype);

// TFLite's Prepare: the three multipliers from the scales (each ratio in double).
AddQuant add_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   int left_shift, IntRange output_range);

// R_x(code - zx): the operand shifted left and rescaled to the common scale.
inline int32_t add_operand(int32_t code, int32_t zero_point, int left_shift, Multiplier m) {
  return multiply((code - zero_point) * (1 << left_shift), m);
}

// The output code of a combined (summed or subtracted) pair of operands.
inline int32_t add_output(int32_t combined, const AddQuant &quant) {
  return quant.output_range.clamp(multiply(combined, quant.output) + quant.output_zero_point);
}

// out = clamp(zo + R_out(R_1(x - zx) + R_2(y - zy))) with numpy broadcasting.
template <typename T>
void add(const AddQuant &quant, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized

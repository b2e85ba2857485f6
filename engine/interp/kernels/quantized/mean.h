#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels::quantized {

// Quantized Mean, by TFLite's three paths (EvalMeanReferenceOps):
//  1. 4-D input, keep_dims, axes exactly {1, 2}: uint8 as reference_ops::Mean
//     (sum of codes times R = s_in / (count * s_out) in float, plus
//     z_out - round(z_in * s_in / s_out)); int8 and int16 as
//     reference_integer_ops::Mean (sum of x - z_in, times s_in / s_out in
//     double, divided by count rounding half away from zero, plus z_out);
//     int16 is also luci-interpreter's Mean for ONE's scheme.
//  2. Same scale and zero point: the integer sum of the codes divided by the
//     count (truncating, as the int32 division of reference_ops::Mean).
//  3. Otherwise QuantizedMeanOrSum, in float: m = float(sum) / float(count),
//     q = round(m * s - z_in * s) + z_out, s = s_in / s_out. (Some TFLite
//     versions add 0.5 before this rounding; the runtime of the TFLite oracle
//     does not, and qgold follows it.)
// Results are clamped to `range`.
struct MeanQuant {
  QuantInfo input, output;
  IntRange range;
};

template <typename T>
void mean(const MeanQuant &quant, const ir::Shape &input_shape, const T *input,
          std::span<const int32_t> axes, bool keep_dims, T *output);

} // namespace qgold::interp::kernels::quantized

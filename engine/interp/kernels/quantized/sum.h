#pragma once

#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels::quantized {

// Quantized Sum, the arithmetic of the SUM kernel TFLite's runtime registers
// (reduce.cc EvalSum, 8-bit with other output parameters:
// QuantizedMeanOrSum with compute_sum, the same in its reference and
// optimized versions): the integer sum S of the codes over `axes`, then in
// float
//   q = round(S * s + b) + z_out,  s = s_in / s_out,  b = -z_in * s * n
// with n the reduced count and round() half away from zero. TFLite casts q to
// the code type, so a sum past the range wraps (uint8 257 becomes 1); qgold
// clamps it to `range`, as TFLite's newer fixed-point reference does. The
// same arithmetic serves inputs that share the output's parameters (TFLite
// adds their codes, which is the sum only for a zero point of 0) and int16
// (which neither TFLite nor luci-interpreter rescales). An empty reduction
// (n = 0) gives z_out, the code of 0.
struct SumQuant {
  QuantInfo input, output;
  IntRange range;
};

template <typename T>
void sum(const SumQuant &quant, const ir::Shape &input_shape, const T *input,
         std::span<const int32_t> axes, T *output);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <functional>
#include <vector>

namespace qgold::interp::kernels::quantized {

// Ops with no integer reference kernel (TFLite and luci-interpreter run them
// in float only) run as luci-interpreter would on a quantized model:
// dequantize, the float kernel, quantize. Every step is TFLite's LUTPopulate
// arithmetic (the 8-bit Exp, Elu, Gelu, Logistic and Tanh tables): x =
// s_in * (q - z_in) in float, y = f(x) by the float kernel, and
// z_out + round(y * (1 / s_out)) clamped to the dtype (NaN gives z_out).
using FloatUnary = std::function<void(const ir::Shape &, const float *, float *)>;
using FloatBinary = std::function<void(const ir::Shape &, const float *, const ir::Shape &,
                                       const float *, const ir::Shape &, float *)>;

// A unary op as a table over every code of T (256 or 65536 entries),
// indexed by the code minus T's minimum.
template <typename T>
std::vector<int32_t> unary_table(const QuantInfo &input, const QuantInfo &output,
                                 const FloatUnary &kernel);

template <typename T>
void apply_unary_table(const std::vector<int32_t> &table, int64_t count, const T *input, T *output);

// A binary op: both operands dequantized, the float kernel (which
// broadcasts), the result quantized.
template <typename T>
void binary_via_float(const QuantInfo &x_quant, const ir::Shape &x_shape, const T *x,
                      const QuantInfo &y_quant, const ir::Shape &y_shape, const T *y,
                      const QuantInfo &out_quant, const ir::Shape &out_shape, T *out,
                      const FloatBinary &kernel);

} // namespace qgold::interp::kernels::quantized

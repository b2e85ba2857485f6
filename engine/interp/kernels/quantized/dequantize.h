#pragma once

#include "interp/kernels/quantized/quant_params.h"

#include <cstdint>

namespace qgold::interp::kernels::quantized {

// Dequantize, TFLite's reference kernel (and luci-interpreter's):
// x = float(double(scale) * (q - zero_point)), the product in double.
template <typename T>
void dequantize(const QuantInfo &input, int64_t count, const T *input_codes, float *output);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/quantize.h"

namespace qgold::interp::kernels::quantized {

// Quantized Reshape: the codes in row-major order, copied (TFLite and ONE
// give the output the input's parameters); requantized when the output's
// parameters differ (see quantize.h).
template <typename T>
void reshape(const Requantization &requant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

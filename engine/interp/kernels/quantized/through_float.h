#pragma once

#include "interp/kernels/quantized/quant_params.h"

#include <cstdint>
#include <functional>

namespace qgold::interp::kernels::quantized {

// An op with no integer reference that fits ONE's parameters, computed as
// luci-interpreter computes ops it has only float kernels for: the input
// codes dequantized as Dequantize does, the float kernel (`compute`, from
// input values to output values), then quantized as Quantize does, clamped to
// `range`. Used by L2Pool2D and LocalResponseNormalization (float-only in
// TFLite and luci-interpreter) and by LogSoftmax and L2Normalize, whose
// TFLite and luci-interpreter integer kernels require fixed output
// parameters (16/256 and 1/128) that ONE does not give them.
struct ThroughFloat {
  QuantInfo input, output;
  IntRange range;
  int64_t input_count = 0, output_count = 0;
};

template <typename T>
void through_float(const ThroughFloat &params, const T *input,
                   const std::function<void(const float *, float *)> &compute, T *output);

} // namespace qgold::interp::kernels::quantized

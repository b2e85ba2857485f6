#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized ReLU, ReLU6 and ReLUN1To1 as TFLite's QuantizedReluX (and
// luci-interpreter's Relu/Relu6): out = clamp(zo + R(x - zx)), R = s_in /
// s_out (the ratio in float), clamped to activation_range of the op's bounds.
struct ReluQuant {
  int32_t input_zero_point = 0;
  Multiplier multiplier;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

ReluQuant relu_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range);

template <typename T> void relu(const ReluQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

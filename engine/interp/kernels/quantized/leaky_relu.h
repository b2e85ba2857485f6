#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"

namespace qgold::interp::kernels::quantized {

// Quantized LeakyRelu as TFLite's QuantizeLeakyRelu (activations.cc, uint8
// and int8; its int16 kernel and luci-interpreter's uint8 one are the same):
// d = x - z_in; out = z_out + M_id(d) for d >= 0, z_out + M_alpha(d) below,
// clamped to the dtype. M_id = s_in / s_out and M_alpha = s_in * alpha / s_out,
// each computed in float, then turned into a multiplier.
struct LeakyReluQuant {
  int32_t input_zero_point = 0;
  Multiplier identity, alpha;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

LeakyReluQuant leaky_relu_quant(const QuantInfo &input, const QuantInfo &output, float alpha,
                                IntRange output_range);

template <typename T>
void leaky_relu(const LeakyReluQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/quant_params.h"

namespace qgold::interp::kernels::quantized {

// Quantized HardSwish as TFLite's reference_ops::HardSwish (uint8, int8): in
// 16-bit fixed point, d = (x - z_in) << 7 (the input on scale s_in / 128);
// d rescaled to the output (multiplier s_in / (128 s_out)) and to the
// "reluish" scale 3 / 32768 (multiplier s_in / 128 / (3 / 32768)), the latter
// mapped from [-1, 1] to [0, 1]; their product, shifted and offset by z_out,
// clamped to the dtype. Multipliers are QuantizeMultiplier's 31-bit mantissas
// rounded to 16 bits (DownScaleInt32ToInt16Multiplier). TFLite has no int16
// HardSwish (nor luci-interpreter): qgold's int16 runs it through
// float_fallback.h.
struct HardSwishQuant {
  int32_t input_zero_point = 0, output_zero_point = 0;
  int16_t output_multiplier = 0, reluish_multiplier = 0;
  int output_exponent = 0, reluish_exponent = 0;
};

// TFLite's Prepare: the output exponent must be <= 0 (false otherwise).
bool hard_swish_quant(const QuantInfo &input, const QuantInfo &output, HardSwishQuant *quant);

template <typename T>
void hard_swish(const HardSwishQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

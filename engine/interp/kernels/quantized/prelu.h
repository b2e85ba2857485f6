#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <vector>

namespace qgold::interp::kernels::quantized {

// Quantized PRelu with two multipliers: for v = x - zx >= 0 the output is
// R_1(v), R_1 = s_in / s_out; otherwise R_2(v * (alpha - za)), R_2 = s_in *
// s_alpha / s_out; then + zo, clamped to the full dtype range. TFLite's
// reference BroadcastPrelu4DSlow (per-tensor alpha, ratios computed in
// float) and luci-interpreter's int16 PRelu (alpha per channel on its last
// axis, R_2 from float(s_in * s_alpha[c]) / s_out in double); qgold applies
// the latter to ONE's per-channel uint8 alpha, with the channel's zero point.
struct PreluQuant {
  int32_t input_zero_point = 0;
  Multiplier identity;
  // Per alpha channel (one entry for a per-tensor alpha).
  std::vector<int32_t> alpha_zero_points;
  std::vector<Multiplier> alpha_multipliers;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

// `alpha` holds one entry (per tensor) or one per channel of alpha's last axis.
PreluQuant prelu_quant(const QuantInfo &input, const std::vector<QuantInfo> &alpha,
                       const QuantInfo &output, IntRange output_range);

template <typename T>
void prelu(const PreluQuant &quant, const ir::Shape &input_shape, const T *input,
           const ir::Shape &alpha_shape, const T *alpha, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels::quantized

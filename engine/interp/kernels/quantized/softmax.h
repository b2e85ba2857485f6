#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <array>
#include <cstdint>

namespace qgold::interp::kernels::quantized {

// Quantized Softmax over the last dimension.
// 8-bit: TFLite's builtin kernel (optimized_ops::Softmax with
// PopulateSoftmaxLookupTable, also luci-interpreter's): table[255 - d] =
// expf(-s_in * beta * d) for code distances d = max - q; per row the float sum
// of the row's entries in order, then out = q(entry / (sum * s_out)) + z_out
// clamped, q = (int)(p + 0.5f) for uint8 outputs and round(p) for int8.
// int16 (zero points 0, output scale ~1/32768): TFLite's reference
// SoftmaxInt16: differences to the row maximum rescaled so that [-65535, 0]
// spans [-10, 0], exp and 1 / (1 + x) from 513-entry int16 tables (gen_lut,
// interpolated), the reciprocal of the Q16.15 sum applied with a rounding shift.
struct SoftmaxQuant {
  std::array<float, 256> table{}; // 8-bit
  float output_scale = 1.0f;
  int32_t output_zero_point = 0;
  Multiplier input_multiplier;              // int16
  std::array<int16_t, 513> exp_table{};     // int16: exp(x), x in [-10, 0]
  std::array<int16_t, 513> reciprocal_table{}; // int16: 1 / (1 + x), x in [0, 1]
};

template <typename T>
SoftmaxQuant softmax_quant(const QuantInfo &input, const QuantInfo &output, float beta);

template <typename T>
void softmax(const SoftmaxQuant &quant, const ir::Shape &shape, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

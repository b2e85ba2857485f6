#pragma once

#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <span>
#include <vector>

namespace qgold::interp::kernels::quantized {

// Quantized Concatenation as TFLite's reference ConcatenationWithScaling
// (uint8; luci-interpreter too): an input with the output's scale and zero
// point is copied (clamped to `range`, which holds a fused activation qgold
// applies where TFLite refuses one); any other is rescaled in float, q = round(x * s + b) +
// z_out with s = s_in * (1 / s_out) and b = -z_in * s, clamped to `range`.
// int8 inputs share the output's parameters in TFLite's scheme (copied);
// qgold rescales int16 inputs (ONE's scheme, no reference kernel) the same way.
template <typename T>
void concatenation(int32_t axis, std::span<const QuantInfo> input_quant, const QuantInfo &output_quant,
                   IntRange range, std::span<const ir::Shape> input_shapes,
                   std::span<const T *const> inputs, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels::quantized

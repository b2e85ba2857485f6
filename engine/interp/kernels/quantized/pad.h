#pragma once

#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels::quantized {

// Quantized Pad: TFLite's reference Pad fills the padding with the zero
// point and copies the codes (it assumes the output has the input's
// parameters; ONE gives it its own range). qgold pads with the input's zero
// point and requantizes every output code to the output's parameters
// (`requant`, the identity when they agree), so the padding is the output's
// zero point either way.
template <typename T>
void pad(const Requantization &requant, int32_t input_zero_point, const ir::Shape &input_shape,
         const T *input, std::span<const int32_t> paddings, const ir::Shape &output_shape,
         T *output);

} // namespace qgold::interp::kernels::quantized

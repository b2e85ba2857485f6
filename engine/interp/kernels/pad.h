#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Constant padding, for Pad (pad_value 0) and PadV2 (its constant_values),
// as TFLite's pad.cc and reference_ops::Pad. `paddings` is the [rank, 2]
// table (before, after) per dimension, all >= 0; output dim d = input dim d
// + before + after.
template <typename T>
void pad(const ir::Shape &input_shape, const T *input, std::span<const int32_t> paddings,
         T pad_value, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels

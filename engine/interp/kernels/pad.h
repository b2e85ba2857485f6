#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Zero padding. `paddings` is the [rank, 2] table (before, after) per
// dimension, all >= 0; output dim d = input dim d + before + after.
void pad(const ir::Shape &input_shape, const float *input, std::span<const int32_t> paddings,
         const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

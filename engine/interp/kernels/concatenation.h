#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

struct ConcatenationParams {
  int32_t axis = 0; // negative counts from the end
  ir::Activation activation = ir::Activation::None;
};

// Joins inputs along `axis`; all shapes agree except on that axis, whose
// output size is the sum of the inputs'.
void concatenation(const ConcatenationParams &params, std::span<const ir::Shape> input_shapes,
                   std::span<const float *const> inputs, const ir::Shape &output_shape,
                   float *output);

} // namespace qgold::interp::kernels

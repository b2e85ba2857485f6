#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

struct ConcatenationParams {
  int32_t axis = 0; // negative counts from the end
  ir::Activation activation = ir::Activation::None; // float32 only
};

// Joins inputs along `axis` (TFLite reference_ops::Concatenation); all shapes
// agree except on that axis, whose output size is the sum of the inputs'.
// The fused activation applies to float32 values; for other element types
// the caller passes None.
template <typename T>
void concatenation(const ConcatenationParams &params, std::span<const ir::Shape> input_shapes,
                   std::span<const T *const> inputs, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels

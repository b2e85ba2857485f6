#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Output dim i is input dim perm[i] (negative entries count from the end), as
// TFLite's transpose.cc and reference_ops::Transpose.
template <typename T>
void transpose(const ir::Shape &input_shape, std::span<const int32_t> perm, const T *input,
               T *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// The block of `output_shape` starting at `begin` (one non-negative start per
// dim; shape inference resolved size -1 to "the rest of the dim"), as TFLite's
// slice.cc and reference_ops::Slice.
template <typename T>
void slice(const ir::Shape &input_shape, std::span<const int32_t> begin,
           const ir::Shape &output_shape, const T *input, T *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Splits the input along `axis` (negative counts from the end) into parts of
// sizes[p] slices each (sizes add up to the axis size; shape inference has
// resolved a -1), as TFLite's split_v.cc.
template <typename T>
void split_v(int32_t axis, const ir::Shape &input_shape, std::span<const int32_t> sizes,
             const T *input, std::span<T *const> outputs);

} // namespace qgold::interp::kernels

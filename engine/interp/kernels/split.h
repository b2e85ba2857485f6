#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Splits the input into outputs.size() equal parts along `axis` (negative
// counts from the end); the axis size is a multiple of the part count
// (TFLite reference_ops::Split).
template <typename T>
void split(int32_t axis, const ir::Shape &input_shape, const T *input,
           std::span<T *const> outputs);

} // namespace qgold::interp::kernels

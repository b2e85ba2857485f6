#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Splits the input along `axis` (negative counts from the end) into its
// outputs.size() == dim(axis) slices, each without that axis, as TFLite's
// unpack.cc.
template <typename T>
void unpack(int32_t axis, const ir::Shape &input_shape, const T *input,
            std::span<T *const> outputs);

} // namespace qgold::interp::kernels

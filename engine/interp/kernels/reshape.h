#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// Reshape keeps the row-major element order: a copy of all the input's
// elements. Squeeze and ExpandDims are the same copy (TFLite's kernels of the
// three ops only copy the buffer).
template <typename T> void reshape(const ir::Shape &input_shape, const T *input, T *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// The Shape op: the input's dims as an int32 or int64 vector (TFLite's shape.cc).
template <typename I> void shape_of(const ir::Shape &input_shape, I *output);

} // namespace qgold::interp::kernels

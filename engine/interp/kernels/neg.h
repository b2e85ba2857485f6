#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = -x elementwise (TFLite reference_ops::Negate). T is float, int32_t or
// int64_t; the most negative integer negates to itself (wrap-around).
template <typename T> void neg(const ir::Shape &shape, const T *input, T *output);

} // namespace qgold::interp::kernels

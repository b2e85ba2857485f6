#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x^y elementwise with std::pow in float, both operands numpy-broadcast
// to out_shape (TFLite reference_ops::Pow / BroadcastPow4DSlow): a negative
// base with a non-integer exponent gives NaN.
void pow(const ir::Shape &x_shape, const float *x, const ir::Shape &y_shape, const float *y,
         const ir::Shape &out_shape, float *out);

} // namespace qgold::interp::kernels

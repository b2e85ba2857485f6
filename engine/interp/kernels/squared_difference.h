#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = (x - y) * (x - y) elementwise in float, both operands numpy-broadcast
// to out_shape (TFLite squared_difference.cc: the difference is rounded to
// float, then squared).
void squared_difference(const ir::Shape &x_shape, const float *x, const ir::Shape &y_shape,
                        const float *y, const ir::Shape &out_shape, float *out);

} // namespace qgold::interp::kernels

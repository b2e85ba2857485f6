#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct DivParams {
  ir::Activation activation = ir::Activation::None;
};

// out = activate(x / y) elementwise in float, both operands numpy-broadcast to
// out_shape (TFLite reference_ops::Div / BroadcastDivSlow): a zero divisor
// gives inf or NaN as IEEE division does.
void div(const DivParams &params, const ir::Shape &x_shape, const float *x,
         const ir::Shape &y_shape, const float *y, const ir::Shape &out_shape, float *out);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct SubParams {
  ir::Activation activation = ir::Activation::None;
};

// out = activate(x - y) elementwise, both operands numpy-broadcast to out_shape.
void sub(const SubParams &params, const ir::Shape &x_shape, const float *x,
         const ir::Shape &y_shape, const float *y, const ir::Shape &out_shape, float *out);

} // namespace qgold::interp::kernels

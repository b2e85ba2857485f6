#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct SubParams {
  ir::Activation activation = ir::Activation::None;
};

// out = activate(x - y) elementwise, both operands numpy-broadcast to out_shape.
// T is float, int32_t or int64_t; integers wrap around on overflow and take
// the integer fused activation (activation.h), as TFLite's sub.cc.
template <typename T>
void sub(const SubParams &params, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels

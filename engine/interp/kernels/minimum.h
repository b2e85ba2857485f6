#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x < y ? x : y elementwise (the smaller operand), both operands
// numpy-broadcast to out_shape, as TFLite's maximum_minimum.cc (MinimumOp: el1 < el2 ? el1 : el2):
// a NaN in x gives y, a NaN in y gives NaN. T is float, int32_t or int64_t.
template <typename T>
void minimum(const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape, const T *y,
             const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels

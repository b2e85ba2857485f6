#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

// out = floor(x / y) elementwise, both operands numpy-broadcast to out_shape,
// as TFLite's floor_div.cc: the quotient of the two values converted to
// double, floored, converted back to T (float, int32_t or int64_t), so that
// integers round toward negative infinity (-7 / 2 = -4). TFLite refuses a
// divisor holding a 0 ("Division by 0"), for floats too: the caller checks
// it with has_zero before calling.
template <typename T>
void floor_div(const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape, const T *y,
               const ir::Shape &out_shape, T *out);

// True when one of the first `count` values is 0 (or -0.0).
template <typename T> bool has_zero(int64_t count, const T *values);

} // namespace qgold::interp::kernels

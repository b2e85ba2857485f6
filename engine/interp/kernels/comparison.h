#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// The six comparisons of TFLite's comparisons.cc (Equal, NotEqual, Greater,
// GreaterEqual, Less, LessEqual), which share one reference kernel.
enum class Comparison { Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual };

struct ComparisonParams {
  Comparison comparison = Comparison::Equal;
};

// out = x <op> y elementwise as bool, both operands numpy-broadcast to
// out_shape (TFLite reference_ops::ComparisonImpl / BroadcastComparison4DSlow
// with the C++ operators, so every comparison with NaN is false except
// NotEqual). T is float, int32_t or int64_t.
template <typename T>
void compare(const ComparisonParams &params, const ir::Shape &x_shape, const T *x,
             const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape, bool *out);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// TFLite's logical.cc (LogicalAnd, LogicalOr) and elementwise.cc (LogicalNot)
// on bool tensors; the binary ones numpy-broadcast both operands to out_shape.
void logical_and(const ir::Shape &x_shape, const bool *x, const ir::Shape &y_shape, const bool *y,
                 const ir::Shape &out_shape, bool *out);
void logical_or(const ir::Shape &x_shape, const bool *x, const ir::Shape &y_shape, const bool *y,
                const ir::Shape &out_shape, bool *out);
void logical_not(const ir::Shape &shape, const bool *input, bool *output);

} // namespace qgold::interp::kernels

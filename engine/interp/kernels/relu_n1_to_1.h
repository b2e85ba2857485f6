#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x clamped to [-1, 1] elementwise (TFLite reference_ops::Relu1:
// x > 1 ? 1 : x < -1 ? -1 : x, so NaN passes through).
void relu_n1_to_1(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

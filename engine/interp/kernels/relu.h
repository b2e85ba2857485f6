#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = max(x, 0), elementwise (TFLite: x < 0 ? 0 : x, so NaN stays NaN).
void relu(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

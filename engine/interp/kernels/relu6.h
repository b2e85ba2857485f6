#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = min(max(x, 0), 6), elementwise (NaN stays NaN).
void relu6(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

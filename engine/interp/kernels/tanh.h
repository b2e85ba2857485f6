#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = std::tanh(x) in float, elementwise.
void tanh(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

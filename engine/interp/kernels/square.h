#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x * x elementwise (TFLite elementwise.cc SquareEval).
void square(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = sqrt(x) elementwise (TFLite elementwise.cc SqrtEval, std::sqrt):
// NaN below 0.
void sqrt(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

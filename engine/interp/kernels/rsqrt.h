#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = 1 / sqrt(x) elementwise (TFLite elementwise.cc RsqrtEval: a float
// division of 1 by std::sqrt, not a reciprocal-sqrt instruction): inf at 0.
void rsqrt(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = |x| elementwise (TFLite elementwise.cc AbsEval, std::abs).
void abs(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

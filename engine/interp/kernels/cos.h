#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = cos(x) elementwise (TFLite elementwise.cc CosEval, std::cos in float).
void cos(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

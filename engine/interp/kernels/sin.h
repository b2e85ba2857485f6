#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = sin(x) elementwise (TFLite elementwise.cc SinEval, std::sin in float).
void sin(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = ln(x) elementwise (TFLite elementwise.cc LogEval, std::log in float):
// -inf at 0, NaN below.
void log(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = e^x elementwise (TFLite reference_ops::Exp, std::exp in float).
void exp(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

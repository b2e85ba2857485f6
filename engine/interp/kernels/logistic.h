#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = 1 / (1 + exp(-x)) in float, elementwise, with TFLite's reference cutoffs: x > 16.619047
// gives exactly 1 and x < -9 gives exp(x) (where 1/(1+exp(-x)) no longer differs from it in float).
void logistic(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

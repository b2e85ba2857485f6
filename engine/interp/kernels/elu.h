#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x < 0 ? e^x - 1 : x elementwise (TFLite reference_ops::Elu, which
// uses std::expm1 for the negative side; alpha is fixed at 1).
void elu(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

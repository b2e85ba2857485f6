#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = floor(x) elementwise (TFLite reference_ops::Floor, std::floor).
void floor(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

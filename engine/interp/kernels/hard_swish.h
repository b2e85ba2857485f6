#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x * relu6(x + 3) / 6 elementwise, multiplied before dividing, as
// TFLite reference_ops::HardSwish evaluates it in float.
void hard_swish(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

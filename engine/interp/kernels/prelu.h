#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// out = x >= 0 ? x : x * alpha, with alpha numpy-broadcast to the input shape
// (typically [C] or [1,1,C]), as TFLite's reference PRelu.
void prelu(const ir::Shape &input_shape, const float *input, const ir::Shape &alpha_shape,
           const float *alpha, const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

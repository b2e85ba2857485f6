#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// L2 normalization over the last dimension, as TFLite's L2Normalization (float,
// epsilon 1e-6): per row, the squares summed from 0 in order, norm =
// max(sqrt(sum), 1e-6), out_i = x_i / norm. The shape has rank >= 1; TFLite
// refuses a fused activation, so there is none to apply.
void l2_normalize(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

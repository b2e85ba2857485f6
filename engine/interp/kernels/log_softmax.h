#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// LogSoftmax over the last dimension, as TFLite's reference float kernel: per
// row, max from the lowest float, sum = exp(x_i - max) summed from 0 in order,
// then out_i = (x_i - max) - log(sum), all in float. The shape has rank >= 1.
void log_softmax(const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct SoftmaxParams {
  float beta = 1.0f;
};

// Softmax over the last dimension, as TFLite's reference float kernel: per
// row, e_i = exp((x_i - max) * beta) in float, sum the e_i from 0 in order,
// then out_i = e_i / sum.
void softmax(const SoftmaxParams &params, const ir::Shape &shape, const float *input,
             float *output);

} // namespace qgold::interp::kernels

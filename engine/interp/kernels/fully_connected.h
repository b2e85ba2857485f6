#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct FullyConnectedParams {
  ir::Activation activation = ir::Activation::None;
};

// output[b][o] = activate(sum_d input[b][d] * weights[o][d] + bias[o]).
// weights [out, depth]; the input is read as [numel / depth, depth] (any rank);
// bias [out] or null. The output holds batches * out values in that order
// (keep_num_dims only changes its declared shape). As in TFLite's reference
// kernel the sum starts at 0, runs over d in order, and the bias comes last.
void fully_connected(const FullyConnectedParams &params, const ir::Shape &input_shape,
                     const float *input, const ir::Shape &weights_shape, const float *weights,
                     const float *bias, float *output);

} // namespace qgold::interp::kernels

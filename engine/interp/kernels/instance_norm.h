#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

struct InstanceNormParams {
  float epsilon = 1e-5f;
  ir::Activation activation = ir::Activation::None;
};

// Circle INSTANCE_NORM on NHWC: for every (batch, channel), over the H*W values,
//   out = activate(gamma * (x - mean) / sqrt(var + epsilon) + beta).
// gamma and beta hold C values or a single one shared by all channels.
// Numerics follow luci-interpreter's float kernel, which works in double:
// sum and sum of squares accumulate in double in (h, w) order,
// mean = sum / n, var = sumsq / n - mean^2, a = gamma / sqrt(var + eps),
// b = beta - mean * a, and out = float(x * a + b) before the activation.
void instance_norm(const InstanceNormParams &params, const ir::Shape &input_shape,
                   const float *input, int64_t gamma_count, const float *gamma, int64_t beta_count,
                   const float *beta, float *output);

} // namespace qgold::interp::kernels

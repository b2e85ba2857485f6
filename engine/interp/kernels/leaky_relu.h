#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct LeakyReluParams {
  float alpha = 0.2f;
};

// out = x > 0 ? x : x * alpha elementwise (TFLite reference_ops::LeakyRelu; not a
// max, since alpha may be above 1 or negative).
void leaky_relu(const LeakyReluParams &params, const ir::Shape &shape, const float *input,
                float *output);

} // namespace qgold::interp::kernels

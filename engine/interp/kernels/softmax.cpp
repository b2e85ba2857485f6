#include "interp/kernels/softmax.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qgold::interp::kernels {

void softmax(const SoftmaxParams &params, const ir::Shape &shape, const float *input,
             float *output) {
  const int64_t depth = shape.empty() ? 1 : shape.back();
  const int64_t rows = depth == 0 ? 0 : ir::num_elements(shape) / depth;
  for (int64_t r = 0; r < rows; ++r) {
    const float *x = input + r * depth;
    float *y = output + r * depth;
    float maximum = std::numeric_limits<float>::lowest();
    for (int64_t i = 0; i < depth; ++i)
      maximum = std::max(maximum, x[i]);
    float sum = 0.0f;
    for (int64_t i = 0; i < depth; ++i) {
      y[i] = std::exp((x[i] - maximum) * params.beta);
      sum += y[i];
    }
    for (int64_t i = 0; i < depth; ++i)
      y[i] = y[i] / sum;
  }
}

} // namespace qgold::interp::kernels

#include "interp/kernels/log_softmax.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qgold::interp::kernels {

void log_softmax(const ir::Shape &shape, const float *input, float *output) {
  const int64_t depth = shape.back();
  const int64_t rows = depth == 0 ? 0 : ir::num_elements(shape) / depth;
  for (int64_t r = 0; r < rows; ++r) {
    const float *x = input + r * depth;
    float *y = output + r * depth;
    float maximum = std::numeric_limits<float>::lowest();
    for (int64_t i = 0; i < depth; ++i)
      maximum = std::max(maximum, x[i]);
    float sum = 0.0f;
    for (int64_t i = 0; i < depth; ++i)
      sum += std::exp(x[i] - maximum);
    const float log_sum = std::log(sum);
    for (int64_t i = 0; i < depth; ++i)
      y[i] = x[i] - maximum - log_sum;
  }
}

} // namespace qgold::interp::kernels

#include "interp/kernels/l2_normalize.h"

#include <algorithm>
#include <cmath>

namespace qgold::interp::kernels {

void l2_normalize(const ir::Shape &shape, const float *input, float *output) {
  constexpr float kEpsilon = 1e-6f; // fixed in TFLite's l2norm.cc
  const int64_t depth = shape.back();
  const int64_t rows = depth == 0 ? 0 : ir::num_elements(shape) / depth;
  for (int64_t r = 0; r < rows; ++r) {
    const float *x = input + r * depth;
    float *y = output + r * depth;
    float squares = 0.0f;
    for (int64_t i = 0; i < depth; ++i)
      squares += x[i] * x[i];
    const float norm = std::max(std::sqrt(squares), kEpsilon);
    for (int64_t i = 0; i < depth; ++i)
      y[i] = x[i] / norm;
  }
}

} // namespace qgold::interp::kernels

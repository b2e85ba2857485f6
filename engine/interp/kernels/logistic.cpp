#include "interp/kernels/logistic.h"

#include <cmath>

namespace qgold::interp::kernels {

void logistic(const ir::Shape &shape, const float *input, float *output) {
  const float upper_cutoff = 16.619047164916992188f;
  const float lower_cutoff = -9.0f;
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    if (x > upper_cutoff)
      output[i] = 1.0f;
    else if (x < lower_cutoff)
      output[i] = std::exp(x);
    else
      output[i] = 1.0f / (1.0f + std::exp(-x));
  }
}

} // namespace qgold::interp::kernels

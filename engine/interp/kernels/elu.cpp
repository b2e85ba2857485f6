#include "interp/kernels/elu.h"

#include <cmath>

namespace qgold::interp::kernels {

void elu(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x < 0.0f ? std::expm1(x) : x;
  }
}

} // namespace qgold::interp::kernels

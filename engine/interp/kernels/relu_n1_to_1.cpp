#include "interp/kernels/relu_n1_to_1.h"

namespace qgold::interp::kernels {

void relu_n1_to_1(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > 1.0f ? 1.0f : x < -1.0f ? -1.0f : x;
  }
}

} // namespace qgold::interp::kernels

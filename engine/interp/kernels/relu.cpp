#include "interp/kernels/relu.h"

namespace qgold::interp::kernels {

void relu(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i)
    output[i] = input[i] < 0.0f ? 0.0f : input[i];
}

} // namespace qgold::interp::kernels

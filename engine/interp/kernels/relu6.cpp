#include "interp/kernels/relu6.h"

namespace qgold::interp::kernels {

void relu6(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > 6.0f ? 6.0f : (x < 0.0f ? 0.0f : x);
  }
}

} // namespace qgold::interp::kernels

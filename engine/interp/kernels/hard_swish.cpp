#include "interp/kernels/hard_swish.h"

#include <algorithm>

namespace qgold::interp::kernels {

void hard_swish(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
  }
}

} // namespace qgold::interp::kernels

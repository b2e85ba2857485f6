#include "interp/kernels/rsqrt.h"

#include <cmath>

namespace qgold::interp::kernels {

void rsqrt(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = 1.0f / std::sqrt(x);
  }
}

} // namespace qgold::interp::kernels

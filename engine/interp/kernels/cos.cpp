#include "interp/kernels/cos.h"

#include <cmath>

namespace qgold::interp::kernels {

void cos(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = std::cos(x);
  }
}

} // namespace qgold::interp::kernels

#include "interp/kernels/square.h"

namespace qgold::interp::kernels {

void square(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x * x;
  }
}

} // namespace qgold::interp::kernels

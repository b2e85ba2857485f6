#include "interp/kernels/tanh.h"

#include <cmath>

namespace qgold::interp::kernels {

void tanh(const ir::Shape &shape, const float *input, float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i)
    output[i] = std::tanh(input[i]);
}

} // namespace qgold::interp::kernels

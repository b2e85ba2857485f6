#include "interp/kernels/leaky_relu.h"

namespace qgold::interp::kernels {

void leaky_relu(const LeakyReluParams &params, const ir::Shape &shape, const float *input,
                float *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > 0.0f ? x : x * params.alpha;
  }
}

} // namespace qgold::interp::kernels

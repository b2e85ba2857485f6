#include "interp/kernels/fully_connected.h"

#include "interp/kernels/activation.h"

namespace qgold::interp::kernels {

void fully_connected(const FullyConnectedParams &params, const ir::Shape &input_shape,
                     const float *input, const ir::Shape &weights_shape, const float *weights,
                     const float *bias, float *output) {
  const int64_t units = weights_shape[0];
  const int64_t depth = weights_shape[1];
  const int64_t batches = depth == 0 ? 0 : ir::num_elements(input_shape) / depth;
  for (int64_t b = 0; b < batches; ++b) {
    for (int64_t o = 0; o < units; ++o) {
      float sum = 0.0f;
      for (int64_t d = 0; d < depth; ++d)
        sum += input[b * depth + d] * weights[o * depth + d];
      const float biased = sum + (bias ? bias[o] : 0.0f);
      output[b * units + o] = activate(params.activation, biased);
    }
  }
}

} // namespace qgold::interp::kernels

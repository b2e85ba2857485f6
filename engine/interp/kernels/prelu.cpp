#include "interp/kernels/prelu.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

void prelu(const ir::Shape &input_shape, const float *input, const ir::Shape &alpha_shape,
           const float *alpha, const ir::Shape &output_shape, float *output) {
  broadcast_binary(input_shape, input, alpha_shape, alpha, output_shape, output,
                   [](float x, float a) { return x >= 0.0f ? x : x * a; });
}

} // namespace qgold::interp::kernels

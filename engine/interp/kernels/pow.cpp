#include "interp/kernels/pow.h"

#include "interp/kernels/broadcast.h"

#include <cmath>

namespace qgold::interp::kernels {

void pow(const ir::Shape &x_shape, const float *x, const ir::Shape &y_shape, const float *y,
         const ir::Shape &out_shape, float *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out,
                   [](float a, float b) { return std::pow(a, b); });
}

} // namespace qgold::interp::kernels

#include "interp/kernels/div.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

void div(const DivParams &params, const ir::Shape &x_shape, const float *x,
         const ir::Shape &y_shape, const float *y, const ir::Shape &out_shape, float *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out,
                   [&](float a, float b) { return activate(params.activation, a / b); });
}

} // namespace qgold::interp::kernels

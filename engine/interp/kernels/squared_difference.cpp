#include "interp/kernels/squared_difference.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

void squared_difference(const ir::Shape &x_shape, const float *x, const ir::Shape &y_shape,
                        const float *y, const ir::Shape &out_shape, float *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [](float a, float b) {
    const float difference = a - b;
    return difference * difference;
  });
}

} // namespace qgold::interp::kernels

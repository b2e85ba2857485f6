#include "interp/kernels/logical.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

void logical_and(const ir::Shape &x_shape, const bool *x, const ir::Shape &y_shape, const bool *y,
                 const ir::Shape &out_shape, bool *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [](bool a, bool b) { return a && b; });
}

void logical_or(const ir::Shape &x_shape, const bool *x, const ir::Shape &y_shape, const bool *y,
                const ir::Shape &out_shape, bool *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [](bool a, bool b) { return a || b; });
}

void logical_not(const ir::Shape &shape, const bool *input, bool *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i)
    output[i] = !input[i];
}

} // namespace qgold::interp::kernels

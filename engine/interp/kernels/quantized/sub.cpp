#include "interp/kernels/quantized/sub.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels::quantized {

template <typename T>
void sub(const AddQuant &q, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    const int32_t difference = add_operand(a, q.input1_zero_point, q.left_shift, q.input1) -
                               add_operand(b, q.input2_zero_point, q.left_shift, q.input2);
    return static_cast<T>(add_output(difference, q));
  });
}

template void sub(const AddQuant &, const ir::Shape &, const uint8_t *, const ir::Shape &,
                  const uint8_t *, const ir::Shape &, uint8_t *);
template void sub(const AddQuant &, const ir::Shape &, const int8_t *, const ir::Shape &,
                  const int8_t *, const ir::Shape &, int8_t *);
template void sub(const AddQuant &, const ir::Shape &, const int16_t *, const ir::Shape &,
                  const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

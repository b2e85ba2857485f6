#include "interp/kernels/quantized/maximum.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels::quantized {

template <typename T>
void maximum(const Requantization &x_requant, const ir::Shape &x_shape, const T *x,
             const Requantization &y_requant, const ir::Shape &y_shape, const T *y,
             const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    const int32_t ra = requantize(a, x_requant), rb = requantize(b, y_requant);
    return static_cast<T>(ra > rb ? ra : rb);
  });
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void maximum(const Requantization &, const ir::Shape &, const T *,                      \
                        const Requantization &, const ir::Shape &, const T *, const ir::Shape &,   \
                        T *);
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/select.h"

#include "interp/kernels/broadcast.h"

#include <algorithm>

namespace qgold::interp::kernels::quantized {

template <typename T>
void select(const ir::Shape &condition_shape, const bool *condition,
            const Requantization &x_requant, const T *x, const Requantization &y_requant,
            const T *y, const ir::Shape &out_shape, T *out) {
  const int64_t count = ir::num_elements(out_shape);
  const int64_t inner = count / std::max<int64_t>(1, ir::num_elements(condition_shape));
  for (int64_t i = 0; i < count; ++i)
    out[i] = static_cast<T>(condition[i / inner] ? requantize(x[i], x_requant)
                                                 : requantize(y[i], y_requant));
}

template <typename T>
void select_v2(const ir::Shape &condition_shape, const bool *condition,
               const Requantization &x_requant, const ir::Shape &x_shape, const T *x,
               const Requantization &y_requant, const ir::Shape &y_shape, const T *y,
               const ir::Shape &out_shape, T *out) {
  broadcast_ternary(
      condition_shape, condition, x_shape, x, y_shape, y, out_shape, out, [&](bool c, T a, T b) {
        return static_cast<T>(c ? requantize(a, x_requant) : requantize(b, y_requant));
      });
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void select(const ir::Shape &, const bool *, const Requantization &, const T *,         \
                       const Requantization &, const T *, const ir::Shape &, T *);                 \
  template void select_v2(const ir::Shape &, const bool *, const Requantization &,                 \
                          const ir::Shape &, const T *, const Requantization &, const ir::Shape &, \
                          const T *, const ir::Shape &, T *);
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/minimum.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

template <typename T>
void minimum(const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape, const T *y,
             const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a < b ? a : b; });
}

template void minimum(const ir::Shape &, const float *, const ir::Shape &, const float *,
                      const ir::Shape &, float *);
template void minimum(const ir::Shape &, const int32_t *, const ir::Shape &, const int32_t *,
                      const ir::Shape &, int32_t *);
template void minimum(const ir::Shape &, const int64_t *, const ir::Shape &, const int64_t *,
                      const ir::Shape &, int64_t *);

} // namespace qgold::interp::kernels

#include "interp/kernels/mul.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/broadcast.h"
#include "interp/kernels/integers.h"

#include <type_traits>

namespace qgold::interp::kernels {

template <typename T>
void mul(const MulParams &params, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    if constexpr (std::is_floating_point_v<T>)
      return activate(params.activation, a * b);
    else
      return activate(params.activation, wrapping_mul(a, b));
  });
}

template void mul(const MulParams &, const ir::Shape &, const float *, const ir::Shape &,
                  const float *, const ir::Shape &, float *);
template void mul(const MulParams &, const ir::Shape &, const int32_t *, const ir::Shape &,
                  const int32_t *, const ir::Shape &, int32_t *);
template void mul(const MulParams &, const ir::Shape &, const int64_t *, const ir::Shape &,
                  const int64_t *, const ir::Shape &, int64_t *);

} // namespace qgold::interp::kernels

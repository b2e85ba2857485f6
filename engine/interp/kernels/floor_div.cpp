#include "interp/kernels/floor_div.h"

#include "interp/kernels/broadcast.h"
#include "interp/kernels/integers.h"

#include <cmath>
#include <type_traits>

namespace qgold::interp::kernels {

template <typename T>
void floor_div(const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape, const T *y,
               const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) {
    const double quotient = std::floor(static_cast<double>(a) / static_cast<double>(b));
    if constexpr (std::is_floating_point_v<T>)
      return static_cast<T>(quotient);
    else
      return truncate_to<T>(quotient); // INT_MIN / -1 does not fit: x86 gives INT_MIN
  });
}

template <typename T> bool has_zero(int64_t count, const T *values) {
  for (int64_t i = 0; i < count; ++i)
    if (values[i] == T{0})
      return true;
  return false;
}

template void floor_div(const ir::Shape &, const float *, const ir::Shape &, const float *,
                        const ir::Shape &, float *);
template void floor_div(const ir::Shape &, const int32_t *, const ir::Shape &, const int32_t *,
                        const ir::Shape &, int32_t *);
template void floor_div(const ir::Shape &, const int64_t *, const ir::Shape &, const int64_t *,
                        const ir::Shape &, int64_t *);
template bool has_zero(int64_t, const float *);
template bool has_zero(int64_t, const int32_t *);
template bool has_zero(int64_t, const int64_t *);

} // namespace qgold::interp::kernels

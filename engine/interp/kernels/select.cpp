#include "interp/kernels/select.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

template <typename T>
void select(const ir::Shape &condition_shape, const bool *condition, const T *x, const T *y,
            const ir::Shape &out_shape, T *out) {
  const int64_t count = ir::num_elements(out_shape);
  const int64_t conditions = ir::num_elements(condition_shape);
  if (count == 0)
    return;
  const int64_t inner = count / conditions;
  for (int64_t i = 0; i < count; ++i)
    out[i] = condition[i / inner] ? x[i] : y[i];
}

template <typename T>
void select_v2(const ir::Shape &condition_shape, const bool *condition, const ir::Shape &x_shape,
               const T *x, const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape,
               T *out) {
  broadcast_ternary(condition_shape, condition, x_shape, x, y_shape, y, out_shape, out,
                    [](bool c, T a, T b) { return c ? a : b; });
}

#define QGOLD_SELECT_INSTANCES(T)                                                                  \
  template void select(const ir::Shape &, const bool *, const T *, const T *, const ir::Shape &,   \
                       T *);                                                                       \
  template void select_v2(const ir::Shape &, const bool *, const ir::Shape &, const T *,           \
                          const ir::Shape &, const T *, const ir::Shape &, T *);
QGOLD_SELECT_INSTANCES(float)
QGOLD_SELECT_INSTANCES(int32_t)
QGOLD_SELECT_INSTANCES(int64_t)
#undef QGOLD_SELECT_INSTANCES

} // namespace qgold::interp::kernels

#include "interp/kernels/comparison.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {
namespace {

template <typename T, typename Fn>
void compare_with(const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape, const T *y,
                  const ir::Shape &out_shape, bool *out, Fn fn) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, fn);
}

} // namespace

template <typename T>
void compare(const ComparisonParams &params, const ir::Shape &x_shape, const T *x,
             const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape, bool *out) {
  // One instantiation of the loop per comparison keeps the switch out of it.
  switch (params.comparison) {
  case Comparison::Equal:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a == b; });
  case Comparison::NotEqual:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a != b; });
  case Comparison::Greater:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a > b; });
  case Comparison::GreaterEqual:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a >= b; });
  case Comparison::Less:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a < b; });
  case Comparison::LessEqual:
    return compare_with(x_shape, x, y_shape, y, out_shape, out, [](T a, T b) { return a <= b; });
  }
}

template void compare(const ComparisonParams &, const ir::Shape &, const float *, const ir::Shape &,
                      const float *, const ir::Shape &, bool *);
template void compare(const ComparisonParams &, const ir::Shape &, const int32_t *,
                      const ir::Shape &, const int32_t *, const ir::Shape &, bool *);
template void compare(const ComparisonParams &, const ir::Shape &, const int64_t *,
                      const ir::Shape &, const int64_t *, const ir::Shape &, bool *);

} // namespace qgold::interp::kernels

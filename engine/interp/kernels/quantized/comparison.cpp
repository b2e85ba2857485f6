#include "interp/kernels/quantized/comparison.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels::quantized {

namespace {

constexpr int kLeftShift = 8;

template <typename Compare>
void compare_scaled(const ComparisonQuant &q, const ir::Shape &x_shape, const auto *x,
                    const ir::Shape &y_shape, const auto *y, const ir::Shape &out_shape, bool *out,
                    Compare compare) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](int32_t a, int32_t b) {
    const int32_t sa = multiply((a - q.x_zero_point) * (1 << kLeftShift), q.x_multiplier);
    const int32_t sb = multiply((b - q.y_zero_point) * (1 << kLeftShift), q.y_multiplier);
    return compare(sa, sb);
  });
}

} // namespace

ComparisonQuant comparison_quant(const QuantInfo &x, const QuantInfo &y) {
  return {x.zero_point, y.zero_point, quantize_multiplier(static_cast<double>(x.scale)),
          quantize_multiplier(static_cast<double>(y.scale))};
}

template <typename T>
void compare(Comparison comparison, const ComparisonQuant &q, const ir::Shape &x_shape, const T *x,
             const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape, bool *out) {
  auto run = [&](auto compare) {
    compare_scaled(q, x_shape, x, y_shape, y, out_shape, out, compare);
  };
  switch (comparison) {
  case Comparison::Equal:
    return run([](int32_t a, int32_t b) { return a == b; });
  case Comparison::NotEqual:
    return run([](int32_t a, int32_t b) { return a != b; });
  case Comparison::Greater:
    return run([](int32_t a, int32_t b) { return a > b; });
  case Comparison::GreaterEqual:
    return run([](int32_t a, int32_t b) { return a >= b; });
  case Comparison::Less:
    return run([](int32_t a, int32_t b) { return a < b; });
  case Comparison::LessEqual:
    return run([](int32_t a, int32_t b) { return a <= b; });
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void compare(Comparison, const ComparisonQuant &, const ir::Shape &, const T *,         \
                        const ir::Shape &, const T *, const ir::Shape &, bool *);
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

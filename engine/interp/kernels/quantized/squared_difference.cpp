#include "interp/kernels/quantized/squared_difference.h"

#include "interp/kernels/broadcast.h"

#include <algorithm>

namespace qgold::interp::kernels::quantized {

namespace {
constexpr int kLeftShift = 7;
}

SquaredDifferenceQuant squared_difference_quant(const QuantInfo &x, const QuantInfo &y,
                                                const QuantInfo &output, IntRange output_range) {
  const double twice_max = 2.0 * static_cast<double>(std::max(x.scale, y.scale));
  const double output_real =
      twice_max * twice_max / ((1 << (2 * kLeftShift)) * static_cast<double>(output.scale));
  return {x.zero_point,
          y.zero_point,
          output.zero_point,
          quantize_multiplier(static_cast<double>(x.scale) / twice_max),
          quantize_multiplier(static_cast<double>(y.scale) / twice_max),
          quantize_multiplier(output_real),
          output_range};
}

template <typename T>
void squared_difference(const SquaredDifferenceQuant &q, const ir::Shape &x_shape, const T *x,
                        const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    const int32_t sa = multiply((a - q.x_zero_point) * (1 << kLeftShift), q.x_multiplier);
    const int32_t sb = multiply((b - q.y_zero_point) * (1 << kLeftShift), q.y_multiplier);
    const int32_t diff = sa - sb;
    return static_cast<T>(
        q.output_range.clamp(q.output_zero_point + multiply(diff * diff, q.output_multiplier)));
  });
}

template void squared_difference(const SquaredDifferenceQuant &, const ir::Shape &,
                                 const uint8_t *, const ir::Shape &, const uint8_t *,
                                 const ir::Shape &, uint8_t *);
template void squared_difference(const SquaredDifferenceQuant &, const ir::Shape &, const int8_t *,
                                 const ir::Shape &, const int8_t *, const ir::Shape &, int8_t *);
// Bound for every code type; the binder sends int16 to float_fallback.
template void squared_difference(const SquaredDifferenceQuant &, const ir::Shape &,
                                 const int16_t *, const ir::Shape &, const int16_t *,
                                 const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/concatenation.h"

#include <algorithm>
#include <cmath>

namespace qgold::interp::kernels::quantized {

template <typename T>
void concatenation(int32_t axis, std::span<const QuantInfo> input_quant, const QuantInfo &output_quant,
                   IntRange range, std::span<const ir::Shape> input_shapes,
                   std::span<const T *const> inputs, const ir::Shape &output_shape, T *output) {
  const auto rank = static_cast<int32_t>(output_shape.size());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= output_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= output_shape[d];

  const float inverse_output_scale = 1.0f / output_quant.scale;
  T *dst = output;
  for (int64_t o = 0; o < outer; ++o) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      const int64_t run = input_shapes[i][axis] * inner;
      const T *src = inputs[i] + o * run;
      const QuantInfo &in = input_quant[i];
      if (in.scale == output_quant.scale && in.zero_point == output_quant.zero_point) {
        for (int64_t k = 0; k < run; ++k)
          *dst++ = static_cast<T>(range.clamp(src[k]));
        continue;
      }
      const float scale = in.scale * inverse_output_scale;
      const float bias = -static_cast<float>(in.zero_point) * scale;
      for (int64_t k = 0; k < run; ++k) {
        const auto rounded = static_cast<int32_t>(std::round(static_cast<float>(src[k]) * scale + bias));
        *dst++ = static_cast<T>(range.clamp(rounded + output_quant.zero_point));
      }
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void concatenation(int32_t, std::span<const QuantInfo>, const QuantInfo &, IntRange,    \
                              std::span<const ir::Shape>, std::span<const T *const>,               \
                              const ir::Shape &, T *);
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

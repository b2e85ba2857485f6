#include "interp/kernels/quantized/sum.h"

#include "interp/kernels/quantized/reduce_walk.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {

template <typename T>
void sum(const SumQuant &q, const ir::Shape &input_shape, const T *input,
         std::span<const int32_t> axes, T *output) {
  const int64_t out_count = reduction_outputs(input_shape, axes);
  if (out_count == 0)
    return;
  std::vector<int64_t> sums(static_cast<size_t>(out_count), 0);
  walk_reduction(input_shape, axes,
                 [&](int64_t i, int64_t o, bool) { sums[static_cast<size_t>(o)] += input[i]; });
  const int64_t n = ir::num_elements(input_shape) / out_count;
  const float scale = q.input.scale / q.output.scale;
  const float bias = static_cast<float>(-q.input.zero_point) * scale * static_cast<float>(n);
  // Far enough outside every code range to clamp, and inside int32.
  constexpr float kLimit = 1 << 30;
  for (int64_t o = 0; o < out_count; ++o) {
    const float rounded =
        std::round(static_cast<float>(sums[static_cast<size_t>(o)]) * scale + bias);
    const auto code = static_cast<int32_t>(std::clamp(rounded, -kLimit, kLimit));
    output[o] = static_cast<T>(q.range.clamp(code + q.output.zero_point));
  }
}

template void sum(const SumQuant &, const ir::Shape &, const uint8_t *, std::span<const int32_t>,
                  uint8_t *);
template void sum(const SumQuant &, const ir::Shape &, const int8_t *, std::span<const int32_t>,
                  int8_t *);
template void sum(const SumQuant &, const ir::Shape &, const int16_t *, std::span<const int32_t>,
                  int16_t *);

} // namespace qgold::interp::kernels::quantized

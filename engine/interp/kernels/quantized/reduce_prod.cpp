#include "interp/kernels/quantized/reduce_prod.h"

#include "interp/kernels/quantized/reduce_walk.h"

#include <cmath>

namespace qgold::interp::kernels::quantized {

Multiplier reduce_prod_multiplier(float input_scale, float output_scale, int64_t n) {
  return quantize_multiplier(static_cast<double>(input_scale) /
                             std::pow(static_cast<double>(output_scale), 1.0 / static_cast<double>(n)));
}

template <typename T>
void reduce_prod(const ReduceProdParams &params, const ir::Shape &input_shape, const T *codes,
                 std::span<const int32_t> axes, T *out) {
  if (ir::num_elements(input_shape) == 0)
    return; // TFLite returns before writing anything
  std::vector<int32_t> products(static_cast<size_t>(reduction_outputs(input_shape, axes)), 0);
  walk_reduction(input_shape, axes, [&](int64_t i, int64_t o, bool first) {
    const int32_t x = codes[i] - params.input_zero_point;
    int32_t &p = products[static_cast<size_t>(o)];
    p = first ? x : multiply(static_cast<int64_t>(p) * x, params.multiplier);
  });
  for (size_t o = 0; o < products.size(); ++o) {
    const int32_t code =
        multiply(static_cast<int64_t>(products[o]), params.multiplier) + params.output_zero_point;
    out[o] = static_cast<T>(params.range.clamp(code));
  }
}

template void reduce_prod(const ReduceProdParams &, const ir::Shape &, const uint8_t *,
                          std::span<const int32_t>, uint8_t *);
template void reduce_prod(const ReduceProdParams &, const ir::Shape &, const int8_t *,
                          std::span<const int32_t>, int8_t *);
template void reduce_prod(const ReduceProdParams &, const ir::Shape &, const int16_t *,
                          std::span<const int32_t>, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/fully_connected.h"

namespace qgold::interp::kernels::quantized {

template <typename T, typename B>
void fully_connected(const WeightedQuant &quant, const ir::Shape &input_shape, const T *input,
                     const ir::Shape &weights_shape, const T *weights, const B *bias, T *output) {
  const int64_t units = weights_shape[0];
  const int64_t depth = weights_shape[1];
  const int64_t batches = depth == 0 ? 0 : ir::num_elements(input_shape) / depth;
  for (int64_t b = 0; b < batches; ++b) {
    for (int64_t o = 0; o < units; ++o) {
      const int32_t weight_zero = quant.filter_zero_point(o);
      int64_t sum = 0;
      for (int64_t d = 0; d < depth; ++d)
        sum += static_cast<int64_t>(input[b * depth + d] - quant.input_zero_point) *
               (weights[o * depth + d] - weight_zero);
      if (bias)
        sum += bias[o];
      output[b * units + o] = static_cast<T>(weighted_output<T>(sum, o, quant));
    }
  }
}

template void fully_connected(const WeightedQuant &, const ir::Shape &, const uint8_t *,
                              const ir::Shape &, const uint8_t *, const int32_t *, uint8_t *);
template void fully_connected(const WeightedQuant &, const ir::Shape &, const int8_t *,
                              const ir::Shape &, const int8_t *, const int32_t *, int8_t *);
template void fully_connected(const WeightedQuant &, const ir::Shape &, const int16_t *,
                              const ir::Shape &, const int16_t *, const int64_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

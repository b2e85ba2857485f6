#include "interp/kernels/quantized/fully_connected.h"

namespace qgold::interp::kernels::quantized {

template <typename T, typename B>
std::vector<int64_t> fully_connected_sums(const WeightedQuant &quant, const ir::Shape &input_shape,
                                          const T *input, const ir::Shape &weights_shape,
                                          const T *weights, const B *bias) {
  const int64_t units = weights_shape[0];
  const int64_t depth = weights_shape[1];
  const int64_t batches = depth == 0 ? 0 : ir::num_elements(input_shape) / depth;
  std::vector<int64_t> sums(static_cast<size_t>(batches * units));
  for (int64_t b = 0; b < batches; ++b) {
    for (int64_t o = 0; o < units; ++o) {
      const int32_t weight_zero = quant.filter_zero_point(o);
      int64_t sum = 0;
      for (int64_t d = 0; d < depth; ++d)
        sum += static_cast<int64_t>(input[b * depth + d] - quant.input_zero_point) *
               (weights[o * depth + d] - weight_zero);
      if (bias)
        sum += bias[o];
      sums[static_cast<size_t>(b * units + o)] = sum;
    }
  }
  return sums;
}

template <typename T, typename B>
void fully_connected(const WeightedQuant &quant, const ir::Shape &input_shape, const T *input,
                     const ir::Shape &weights_shape, const T *weights, const B *bias, T *output) {
  write_weighted_outputs(
      fully_connected_sums(quant, input_shape, input, weights_shape, weights, bias),
      weights_shape[0], quant, output);
}

#define QGOLD_INSTANTIATE(T, B)                                                                    \
  template void fully_connected(const WeightedQuant &, const ir::Shape &, const T *,              \
                                const ir::Shape &, const T *, const B *, T *);                    \
  template std::vector<int64_t> fully_connected_sums(const WeightedQuant &, const ir::Shape &,    \
                                                     const T *, const ir::Shape &, const T *,     \
                                                     const B *);
QGOLD_INSTANTIATE(uint8_t, int32_t)
QGOLD_INSTANTIATE(int8_t, int32_t)
QGOLD_INSTANTIATE(int16_t, int64_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

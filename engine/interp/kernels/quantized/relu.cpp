#include "interp/kernels/quantized/relu.h"

namespace qgold::interp::kernels::quantized {

ReluQuant relu_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range) {
  return {input.zero_point, quantize_multiplier(static_cast<double>(input.scale / output.scale)),
          output.zero_point, output_range};
}

template <typename T> void relu(const ReluQuant &q, int64_t count, const T *input, T *output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t scaled = multiply(input[i] - q.input_zero_point, q.multiplier);
    output[i] = static_cast<T>(q.output_range.clamp(q.output_zero_point + scaled));
  }
}

template void relu(const ReluQuant &, int64_t, const uint8_t *, uint8_t *);
template void relu(const ReluQuant &, int64_t, const int8_t *, int8_t *);
template void relu(const ReluQuant &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

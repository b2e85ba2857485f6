#include "interp/kernels/quantized/leaky_relu.h"

namespace qgold::interp::kernels::quantized {

LeakyReluQuant leaky_relu_quant(const QuantInfo &input, const QuantInfo &output, float alpha,
                                IntRange output_range) {
  return {input.zero_point, quantize_multiplier(static_cast<double>(input.scale / output.scale)),
          quantize_multiplier(static_cast<double>(input.scale * alpha / output.scale)),
          output.zero_point, output_range};
}

template <typename T>
void leaky_relu(const LeakyReluQuant &q, int64_t count, const T *input, T *output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t d = input[i] - q.input_zero_point;
    const int32_t scaled = multiply(d, d >= 0 ? q.identity : q.alpha);
    output[i] = static_cast<T>(q.output_range.clamp(q.output_zero_point + scaled));
  }
}

template void leaky_relu(const LeakyReluQuant &, int64_t, const uint8_t *, uint8_t *);
template void leaky_relu(const LeakyReluQuant &, int64_t, const int8_t *, int8_t *);
template void leaky_relu(const LeakyReluQuant &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/dequantize.h"

namespace qgold::interp::kernels::quantized {

template <typename T>
void dequantize(const QuantInfo &input, int64_t count, const T *input_codes, float *output) {
  const auto scale = static_cast<double>(input.scale);
  for (int64_t i = 0; i < count; ++i)
    output[i] = static_cast<float>(scale * (input_codes[i] - input.zero_point));
}

template void dequantize(const QuantInfo &, int64_t, const uint8_t *, float *);
template void dequantize(const QuantInfo &, int64_t, const int8_t *, float *);
template void dequantize(const QuantInfo &, int64_t, const int16_t *, float *);

} // namespace qgold::interp::kernels::quantized

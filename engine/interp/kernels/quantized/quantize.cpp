#include "interp/kernels/quantized/quantize.h"

#include <cmath>

namespace qgold::interp::kernels::quantized {

template <typename T>
void quantize(const QuantInfo &output, IntRange range, int64_t count, const float *input,
              T *output_codes) {
  for (int64_t i = 0; i < count; ++i) {
    const auto rounded = static_cast<int32_t>(std::round(input[i] / output.scale));
    output_codes[i] = static_cast<T>(range.clamp(rounded + output.zero_point));
  }
}

Requantization requantization(const QuantInfo &input, const QuantInfo &output, IntRange range) {
  Requantization r;
  r.input_zero_point = input.zero_point;
  r.multiplier =
      quantize_multiplier(static_cast<double>(input.scale) / static_cast<double>(output.scale));
  r.output_zero_point = output.zero_point;
  r.output_range = range;
  r.identity = input.scale == output.scale && input.zero_point == output.zero_point;
  return r;
}

template <typename In, typename Out>
void requantize(const Requantization &r, int64_t count, const In *input, Out *output) {
  for (int64_t i = 0; i < count; ++i)
    output[i] = static_cast<Out>(requantize(input[i], r));
}

template void quantize(const QuantInfo &, IntRange, int64_t, const float *, uint8_t *);
template void quantize(const QuantInfo &, IntRange, int64_t, const float *, int8_t *);
template void quantize(const QuantInfo &, IntRange, int64_t, const float *, int16_t *);

#define QGOLD_REQUANTIZE(In, Out)                                                                  \
  template void requantize(const Requantization &, int64_t, const In *, Out *);
#define QGOLD_REQUANTIZE_FROM(In)                                                                  \
  QGOLD_REQUANTIZE(In, uint8_t) QGOLD_REQUANTIZE(In, int8_t) QGOLD_REQUANTIZE(In, int16_t)
QGOLD_REQUANTIZE_FROM(uint8_t)
QGOLD_REQUANTIZE_FROM(int8_t)
QGOLD_REQUANTIZE_FROM(int16_t)
#undef QGOLD_REQUANTIZE_FROM
#undef QGOLD_REQUANTIZE

} // namespace qgold::interp::kernels::quantized

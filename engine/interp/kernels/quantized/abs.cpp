#include "interp/kernels/quantized/abs.h"

#include <cstdlib>

namespace qgold::interp::kernels::quantized {

AbsQuant abs_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range) {
  AbsQuant q{input.zero_point, input.scale != output.scale, {}, output.zero_point, output_range};
  if (q.rescale)
    q.multiplier = quantize_multiplier(static_cast<double>(input.scale / output.scale));
  return q;
}

template <typename T> void abs(const AbsQuant &q, int64_t count, const T *input, T *output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t d = std::abs(input[i] - q.input_zero_point);
    const int32_t scaled = q.rescale ? multiply(d, q.multiplier) : d;
    output[i] = static_cast<T>(q.output_range.clamp(q.output_zero_point + scaled));
  }
}

template void abs(const AbsQuant &, int64_t, const uint8_t *, uint8_t *);
template void abs(const AbsQuant &, int64_t, const int8_t *, int8_t *);
template void abs(const AbsQuant &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

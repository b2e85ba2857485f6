#include "interp/kernels/quantized/tanh.h"

#include "interp/kernels/quantized/sigmoid_table.h"

#include <cmath>
#include <cstdlib>

namespace qgold::interp::kernels::quantized {

template <typename T> TanhQuant tanh_quant(const QuantInfo &input, const QuantInfo &output) {
  TanhQuant q;
  if constexpr (sizeof(T) == 1)
    q.table = lookup_table<T>(input, output, [](float x) { return std::tanh(x); });
  else
    int16_input_scaling(input.scale, 1, &q.input_multiplier, &q.input_left_shift);
  return q;
}

template <typename T> void tanh(const TanhQuant &q, int64_t count, const T *input, T *output) {
  if constexpr (sizeof(T) == 1) {
    apply_lookup_table(q.table, count, input, output);
  } else {
    int32_t multiplier = q.input_multiplier;
    int shift = q.input_left_shift;
    if (multiplier == 0) { // power-of-two scale
      multiplier = 3 << shift;
      shift = 0;
    }
    const int32_t round = shift > 0 ? 1 << (shift - 1) : 0;
    for (int64_t i = 0; i < count; ++i) {
      const int32_t x = (input[i] * multiplier + round) >> shift;
      const auto magnitude = static_cast<uint32_t>(std::abs(x));
      const uint32_t index = magnitude >> 8;
      int32_t result;
      if (index >= 255) {
        result = 0xFFFF << 8;
      } else {
        const uint32_t a = kSigmoidTable[index], b = kSigmoidTable[index + 1];
        result = static_cast<int32_t>((a << 8) + (magnitude & 0xFF) * (b - a));
      }
      result = x >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
      output[i] = static_cast<T>(result >> 8);
    }
  }
}

template TanhQuant tanh_quant<uint8_t>(const QuantInfo &, const QuantInfo &);
template TanhQuant tanh_quant<int8_t>(const QuantInfo &, const QuantInfo &);
template TanhQuant tanh_quant<int16_t>(const QuantInfo &, const QuantInfo &);
template void tanh(const TanhQuant &, int64_t, const uint8_t *, uint8_t *);
template void tanh(const TanhQuant &, int64_t, const int8_t *, int8_t *);
template void tanh(const TanhQuant &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

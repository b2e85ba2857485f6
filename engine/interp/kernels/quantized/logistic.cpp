#include "interp/kernels/quantized/logistic.h"

#include "interp/kernels/quantized/sigmoid_table.h"

#include <cmath>
#include <cstdlib>

namespace qgold::interp::kernels::quantized {

template <typename T> LogisticQuant logistic_quant(const QuantInfo &input, const QuantInfo &output) {
  LogisticQuant q;
  if constexpr (sizeof(T) == 1)
    q.table = lookup_table<T>(input, output, [](float x) { return 1.0f / (1.0f + std::exp(-x)); });
  else
    int16_input_scaling(input.scale, 0, &q.input_multiplier, &q.input_left_shift);
  return q;
}

template <typename T>
void logistic(const LogisticQuant &q, int64_t count, const T *input, T *output) {
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
      const uint32_t index = magnitude >> 9;
      uint32_t result;
      if (index >= 255) {
        result = 0x7FFFu << 10;
      } else {
        const uint32_t a = kSigmoidTable[index], b = kSigmoidTable[index + 1];
        result = (a << 9) + (magnitude & 0x1FF) * (b - a);
      }
      result = x >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
      output[i] = static_cast<T>(result >> 10);
    }
  }
}

template LogisticQuant logistic_quant<uint8_t>(const QuantInfo &, const QuantInfo &);
template LogisticQuant logistic_quant<int8_t>(const QuantInfo &, const QuantInfo &);
template LogisticQuant logistic_quant<int16_t>(const QuantInfo &, const QuantInfo &);
template void logistic(const LogisticQuant &, int64_t, const uint8_t *, uint8_t *);
template void logistic(const LogisticQuant &, int64_t, const int8_t *, int8_t *);
template void logistic(const LogisticQuant &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/lookup_table.h"

#include <cmath>
#include <limits>

namespace qgold::interp::kernels::quantized {

template <typename T>
LookupTable lookup_table(const QuantInfo &input, const QuantInfo &output,
                         float (*transform)(float)) {
  const float inverse_scale = 1.0f / output.scale;
  const IntRange range{std::numeric_limits<T>::min(), std::numeric_limits<T>::max()};
  LookupTable table{};
  for (int32_t q = range.min; q <= range.max; ++q) {
    const float x = input.scale * static_cast<float>(q - input.zero_point);
    const float rounded = std::round(transform(x) * inverse_scale);
    const auto code = static_cast<int32_t>(rounded + static_cast<float>(output.zero_point));
    table[static_cast<uint8_t>(static_cast<T>(q))] = range.clamp(code);
  }
  return table;
}

template <typename T>
void apply_lookup_table(const LookupTable &table, int64_t count, const T *input, T *output) {
  for (int64_t i = 0; i < count; ++i)
    output[i] = static_cast<T>(table[static_cast<uint8_t>(input[i])]);
}

bool checked_log2(float x, int *log2) {
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float rounded = std::round(x_log2);
  *log2 = static_cast<int>(rounded);
  return std::abs(x_log2 - rounded) < 1e-3f;
}

void int16_input_scaling(float input_scale, int max_pot_shift, int32_t *multiplier, int *shift) {
  int log2 = 0;
  const bool pot = checked_log2(input_scale, &log2);
  *shift = (15 - 3) + log2;
  if (pot && *shift >= 0 && *shift <= max_pot_shift) {
    *multiplier = 0;
    return;
  }
  double real = static_cast<double>(input_scale) * 4096.0 * 3.0;
  *shift = 0;
  while (real <= 32767.0 / 2.0 && *shift <= 30) {
    ++*shift;
    real *= 2.0;
  }
  *multiplier = static_cast<int32_t>(real);
}


template LookupTable lookup_table<uint8_t>(const QuantInfo &, const QuantInfo &, float (*)(float));
template LookupTable lookup_table<int8_t>(const QuantInfo &, const QuantInfo &, float (*)(float));
template void apply_lookup_table(const LookupTable &, int64_t, const uint8_t *, uint8_t *);
template void apply_lookup_table(const LookupTable &, int64_t, const int8_t *, int8_t *);

} // namespace qgold::interp::kernels::quantized

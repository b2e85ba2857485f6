#include "interp/kernels/quantized/softmax.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

// TFLite's gen_lut: num - 1 samples of func over [min, max] in Q0.15, each
// lowered by half the error of linear interpolation at the segment's
// midpoint; the last entry (func(max)) only gives the last slope.
template <size_t N>
void generate_table(double (*func)(double), double min, double max, std::array<int16_t, N> &table) {
  const auto num = static_cast<int>(N);
  const double step = (max - min) / (num - 1);
  const double half_step = step / 2.0;
  for (int i = 0; i < num - 1; ++i) {
    const double sample = std::round(func(min + i * step) * 32768.0);
    const double midpoint_interpolated =
        std::round((func(min + (i + 1) * step) * 32768.0 + std::round(func(min + i * step) * 32768.0)) /
                   2.0);
    const double midpoint = std::round(func(min + i * step + half_step) * 32768.0);
    const double bias = std::round((midpoint_interpolated - midpoint) / 2.0);
    table[static_cast<size_t>(i)] =
        static_cast<int16_t>(std::min(std::max(sample - bias, -32768.0), 32767.0));
  }
  table[N - 1] = static_cast<int16_t>(
      std::min(std::max(std::round(func(max) * 32768.0), -32768.0), 32767.0));
}

// TFLite's generic_int16_table_lookup: the top 9 bits of value + 32768 pick
// the segment, the low 7 interpolate linearly (rounded).
int16_t table_lookup(int16_t value, const std::array<int16_t, 513> &table) {
  const auto index = static_cast<uint16_t>(256 + (value >> 7));
  const int16_t offset = value & 0x7F;
  const int16_t base = table[index];
  const auto slope = static_cast<int16_t>(table[index + 1] - table[index]);
  const int32_t delta = (static_cast<int32_t>(slope) * offset + 64) >> 7;
  return static_cast<int16_t>(base + delta);
}

int16_t saturate_int16(int32_t value) {
  return static_cast<int16_t>(std::min(std::max(value, -32768), 32767));
}

template <typename T>
void softmax_8bit(const SoftmaxQuant &q, int64_t rows, int64_t depth, const T *input, T *output) {
  const IntRange range{std::numeric_limits<T>::min(), std::numeric_limits<T>::max()};
  for (int64_t r = 0; r < rows; ++r) {
    const T *in = input + r * depth;
    T *out = output + r * depth;
    int32_t max_code = std::numeric_limits<T>::min();
    for (int64_t j = 0; j < depth; ++j)
      max_code = std::max(max_code, static_cast<int32_t>(in[j]));
    auto entry = [&](int64_t j) { return q.table[static_cast<size_t>(255 - (max_code - in[j]))]; };
    float sum = 0.0f;
    for (int64_t j = 0; j < depth; ++j)
      sum += entry(j);
    const float inverse = 1.0f / (sum * q.output_scale);
    for (int64_t j = 0; j < depth; ++j) {
      const float p = entry(j) * inverse;
      const int32_t code = std::is_same_v<T, uint8_t> ? static_cast<int32_t>(p + 0.5f)
                                                      : static_cast<int32_t>(std::round(p));
      out[j] = static_cast<T>(range.clamp(code + q.output_zero_point));
    }
  }
}

void softmax_int16(const SoftmaxQuant &q, int64_t rows, int64_t depth, const int16_t *input,
                   int16_t *output) {
  for (int64_t r = 0; r < rows; ++r) {
    const int16_t *in = input + r * depth;
    int16_t *out = output + r * depth;
    const int16_t max_code = *std::max_element(in, in + depth);
    int32_t sum = 0; // Q16.15
    for (int64_t j = 0; j < depth; ++j) {
      const int32_t scaled = multiply(in[j] - max_code, q.input_multiplier);
      out[j] = table_lookup(saturate_int16(scaled + 32767), q.exp_table);
      sum += out[j];
    }
    const int headroom_plus_one = std::countl_zero(static_cast<uint32_t>(sum));
    const auto shifted_sum = static_cast<int32_t>(
        ((static_cast<int64_t>(sum) << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
    // The table holds 1 / (1 + x) for x in [0, 1]: x = shifted sum - 1, recentred.
    const int16_t reciprocal =
        table_lookup(saturate_int16(shifted_sum - ((1 << 15) + (1 << 16))), q.reciprocal_table);
    const int right_shift = 31 - headroom_plus_one;
    const int64_t round = int64_t{1} << (right_shift - 1);
    for (int64_t j = 0; j < depth; ++j) {
      const auto result = static_cast<int32_t>(
          (static_cast<int64_t>(out[j]) * reciprocal + round) >> right_shift);
      out[j] = static_cast<int16_t>(std::min(std::max(result, 0), 32767));
    }
  }
}

} // namespace

template <typename T>
SoftmaxQuant softmax_quant(const QuantInfo &input, const QuantInfo &output, float beta) {
  SoftmaxQuant q;
  q.output_scale = output.scale;
  q.output_zero_point = output.zero_point;
  if constexpr (sizeof(T) == 1) {
    const float scale = -input.scale * beta;
    for (int32_t d = 0; d <= 255; ++d)
      q.table[static_cast<size_t>(255 - d)] = std::exp(scale * static_cast<float>(d));
  } else {
    q.input_multiplier =
        quantize_multiplier(static_cast<double>(input.scale * beta) / (10.0 / 65535.0));
    generate_table([](double x) { return std::exp(x); }, -10.0, 0.0, q.exp_table);
    generate_table([](double x) { return 1.0 / (1.0 + x); }, 0.0, 1.0, q.reciprocal_table);
  }
  return q;
}

template <typename T>
void softmax(const SoftmaxQuant &quant, const ir::Shape &shape, const T *input, T *output) {
  const int64_t depth = shape.empty() ? 1 : shape.back();
  const int64_t rows = depth == 0 ? 0 : ir::num_elements(shape) / depth;
  if constexpr (sizeof(T) == 1)
    softmax_8bit(quant, rows, depth, input, output);
  else
    softmax_int16(quant, rows, depth, input, output);
}

template SoftmaxQuant softmax_quant<uint8_t>(const QuantInfo &, const QuantInfo &, float);
template SoftmaxQuant softmax_quant<int8_t>(const QuantInfo &, const QuantInfo &, float);
template SoftmaxQuant softmax_quant<int16_t>(const QuantInfo &, const QuantInfo &, float);
template void softmax(const SoftmaxQuant &, const ir::Shape &, const uint8_t *, uint8_t *);
template void softmax(const SoftmaxQuant &, const ir::Shape &, const int8_t *, int8_t *);
template void softmax(const SoftmaxQuant &, const ir::Shape &, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/prelu.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels::quantized {
namespace {

// One alpha element: its value relative to its zero point and its multiplier.
struct AlphaEntry {
  int32_t value;
  Multiplier multiplier;
};

} // namespace

PreluQuant prelu_quant(const QuantInfo &input, const std::vector<QuantInfo> &alpha,
                       const QuantInfo &output, IntRange output_range) {
  PreluQuant q;
  q.input_zero_point = input.zero_point;
  q.identity = quantize_multiplier(static_cast<double>(input.scale / output.scale));
  for (const QuantInfo &a : alpha) {
    const double real = alpha.size() == 1
                            ? static_cast<double>(input.scale * a.scale / output.scale)
                            : static_cast<double>(input.scale * a.scale) /
                                  static_cast<double>(output.scale);
    q.alpha_zero_points.push_back(a.zero_point);
    q.alpha_multipliers.push_back(quantize_multiplier(real));
  }
  q.output_zero_point = output.zero_point;
  q.output_range = output_range;
  return q;
}

template <typename T>
void prelu(const PreluQuant &q, const ir::Shape &input_shape, const T *input,
           const ir::Shape &alpha_shape, const T *alpha, const ir::Shape &output_shape,
           T *output) {
  const int64_t count = ir::num_elements(alpha_shape);
  const size_t channels = q.alpha_multipliers.size();
  std::vector<AlphaEntry> entries(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    const size_t c = channels == 1 ? 0 : static_cast<size_t>(i) % channels;
    entries[static_cast<size_t>(i)] = {alpha[i] - q.alpha_zero_points[c], q.alpha_multipliers[c]};
  }
  broadcast_binary(input_shape, input, alpha_shape, entries.data(), output_shape, output,
                   [&](T x, const AlphaEntry &a) {
                     const int32_t v = x - q.input_zero_point;
                     const int32_t scaled =
                         v >= 0 ? multiply(v, q.identity) : multiply(v * a.value, a.multiplier);
                     return static_cast<T>(q.output_range.clamp(scaled + q.output_zero_point));
                   });
}

template void prelu(const PreluQuant &, const ir::Shape &, const uint8_t *, const ir::Shape &,
                    const uint8_t *, const ir::Shape &, uint8_t *);
template void prelu(const PreluQuant &, const ir::Shape &, const int8_t *, const ir::Shape &,
                    const int8_t *, const ir::Shape &, int8_t *);
template void prelu(const PreluQuant &, const ir::Shape &, const int16_t *, const ir::Shape &,
                    const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

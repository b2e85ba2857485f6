#include "interp/kernels/quantized/float_fallback.h"

#include <cmath>
#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T> IntRange type_range() {
  return {std::numeric_limits<T>::min(), std::numeric_limits<T>::max()};
}

template <typename T> float dequantize(const QuantInfo &q, T code) {
  return q.scale * static_cast<float>(static_cast<int32_t>(code) - q.zero_point);
}

// z + round(y * (1 / s)) within `range`, the float clamped before it is converted.
int32_t quantize(const QuantInfo &q, IntRange range, float y) {
  if (std::isnan(y))
    return range.clamp(q.zero_point);
  const float rounded = std::round(y * (1.0f / q.scale));
  const float low = static_cast<float>(range.min - q.zero_point);
  const float high = static_cast<float>(range.max - q.zero_point);
  return range.clamp(static_cast<int32_t>(std::fmin(std::fmax(rounded, low), high)) + q.zero_point);
}

} // namespace

template <typename T>
std::vector<int32_t> unary_table(const QuantInfo &input, const QuantInfo &output,
                                 const FloatUnary &kernel) {
  const IntRange range = type_range<T>();
  const auto size = static_cast<size_t>(range.max - range.min + 1);
  std::vector<float> x(size), y(size);
  for (size_t i = 0; i < size; ++i)
    x[i] = dequantize(input, static_cast<T>(range.min + static_cast<int32_t>(i)));
  kernel({static_cast<int32_t>(size)}, x.data(), y.data());
  std::vector<int32_t> table(size);
  for (size_t i = 0; i < size; ++i)
    table[i] = quantize(output, range, y[i]);
  return table;
}

template <typename T>
void apply_unary_table(const std::vector<int32_t> &table, int64_t count, const T *input,
                       T *output) {
  const int32_t min = std::numeric_limits<T>::min();
  for (int64_t i = 0; i < count; ++i)
    output[i] = static_cast<T>(table[static_cast<size_t>(input[i] - min)]);
}

template <typename T>
void binary_via_float(const QuantInfo &x_quant, const ir::Shape &x_shape, const T *x,
                      const QuantInfo &y_quant, const ir::Shape &y_shape, const T *y,
                      const QuantInfo &out_quant, const ir::Shape &out_shape, T *out,
                      const FloatBinary &kernel) {
  std::vector<float> xf(static_cast<size_t>(ir::num_elements(x_shape)));
  std::vector<float> yf(static_cast<size_t>(ir::num_elements(y_shape)));
  std::vector<float> of(static_cast<size_t>(ir::num_elements(out_shape)));
  for (size_t i = 0; i < xf.size(); ++i)
    xf[i] = dequantize(x_quant, x[i]);
  for (size_t i = 0; i < yf.size(); ++i)
    yf[i] = dequantize(y_quant, y[i]);
  kernel(x_shape, xf.data(), y_shape, yf.data(), out_shape, of.data());
  const IntRange range = type_range<T>();
  for (size_t i = 0; i < of.size(); ++i)
    out[i] = static_cast<T>(quantize(out_quant, range, of[i]));
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template std::vector<int32_t> unary_table<T>(const QuantInfo &, const QuantInfo &,               \
                                               const FloatUnary &);                                \
  template void apply_unary_table(const std::vector<int32_t> &, int64_t, const T *, T *);          \
  template void binary_via_float(const QuantInfo &, const ir::Shape &, const T *,                  \
                                 const QuantInfo &, const ir::Shape &, const T *,                  \
                                 const QuantInfo &, const ir::Shape &, T *, const FloatBinary &);
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized

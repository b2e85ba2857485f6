#include "interp/kernels/quantized/cast.h"

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T> void read(const void *input, int64_t count, std::vector<double> &values) {
  const T *in = static_cast<const T *>(input);
  for (int64_t i = 0; i < count; ++i)
    values[static_cast<size_t>(i)] = static_cast<double>(in[i]);
}

template <typename T> void write(const std::vector<double> &values, void *output) {
  T *out = static_cast<T *>(output);
  for (size_t i = 0; i < values.size(); ++i)
    out[i] = static_cast<T>(values[i]);
}

template <typename Fn> void by_dtype(ir::DType dtype, Fn fn) {
  switch (dtype) {
  case ir::DType::Bool:
    return fn.template operator()<bool>();
  case ir::DType::UInt8:
    return fn.template operator()<uint8_t>();
  case ir::DType::Int8:
    return fn.template operator()<int8_t>();
  case ir::DType::Int16:
    return fn.template operator()<int16_t>();
  case ir::DType::Int32:
    return fn.template operator()<int32_t>();
  case ir::DType::Int64:
    return fn.template operator()<int64_t>();
  default:
    return fn.template operator()<float>();
  }
}

} // namespace

void cast(const CastQuant &q, int64_t count, const void *input, void *output) {
  std::vector<double> values(static_cast<size_t>(count));
  by_dtype(q.from, [&]<typename T>() { read<T>(input, count, values); });
  if (q.input)
    for (double &v : values) // the codes' real numbers, in float as Dequantize
      v = static_cast<double>(q.input->scale * static_cast<float>(v - q.input->zero_point));
  if (q.output) {
    const IntRange range = full_range(q.to);
    for (double &v : values) {
      const float scaled = static_cast<float>(v) / q.output->scale;
      v = range.clamp(static_cast<int32_t>(std::round(scaled)) + q.output->zero_point);
    }
  }
  by_dtype(q.to, [&]<typename T>() { write<T>(values, output); });
}

} // namespace qgold::interp::kernels::quantized

#include "quant/tensor_math.h"

#include "ir/error.h"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace qgold::quant {

std::vector<float> float_values(const ir::Tensor &tensor) {
  if (!tensor.is_constant() || tensor.dtype != ir::DType::Float32)
    throw InputError(fmt::format("tensor '{}' is not a float32 constant", tensor.name));
  return tensor.values<float>();
}

std::pair<float, float> min_max(const std::vector<float> &values) {
  if (values.empty())
    throw InputError("cannot take the range of an empty tensor");
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {*lo, *hi};
}

ChannelLayout channel_layout(const ir::Shape &shape, int axis) {
  if (axis < 0 || axis >= static_cast<int>(shape.size()))
    throw InputError(fmt::format("channel axis {} is out of range for shape {}", axis, ir::shape_to_string(shape)));
  int64_t inner = 1;
  for (size_t i = axis + 1; i < shape.size(); ++i)
    inner *= shape[i];
  return {shape[axis], inner};
}

std::pair<std::vector<float>, std::vector<float>> channel_min_max(const std::vector<float> &values,
                                                                  const ChannelLayout &layout) {
  std::vector<float> mins(layout.channels, std::numeric_limits<float>::max());
  std::vector<float> maxs(layout.channels, std::numeric_limits<float>::lowest());
  for (size_t i = 0; i < values.size(); ++i) {
    const int64_t c = layout.channel_of(static_cast<int64_t>(i));
    mins[c] = std::min(mins[c], values[i]);
    maxs[c] = std::max(maxs[c], values[i]);
  }
  return {mins, maxs};
}

namespace {
template <typename T> void store_as(ir::Tensor &tensor, const std::vector<int64_t> &codes) {
  std::vector<T> typed(codes.begin(), codes.end());
  tensor.set_values<T>(typed);
}
} // namespace

void store_codes(ir::Tensor &tensor, ir::DType dtype, const std::vector<int64_t> &codes) {
  switch (dtype) {
  case ir::DType::UInt8:
    store_as<uint8_t>(tensor, codes);
    break;
  case ir::DType::Int8:
    store_as<int8_t>(tensor, codes);
    break;
  case ir::DType::Int16:
    store_as<int16_t>(tensor, codes);
    break;
  case ir::DType::Int32:
    store_as<int32_t>(tensor, codes);
    break;
  case ir::DType::Int64:
    store_as<int64_t>(tensor, codes);
    break;
  default:
    throw InputError(fmt::format("cannot store integer codes as {}", ir::dtype_name(dtype)));
  }
  tensor.dtype = dtype;
}

} // namespace qgold::quant

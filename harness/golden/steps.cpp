#include "harness/golden/steps.h"

#include <algorithm>
#include <cmath>

namespace qgold::harness {

namespace {

// Elements between two neighbours of `axis` (row-major).
size_t inner_size(const ir::Shape &shape, int32_t axis) {
  size_t inner = 1;
  for (size_t d = axis + 1; d < shape.size(); ++d)
    inner *= shape[d];
  return inner;
}

std::optional<std::pair<double, double>> dtype_range(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
    return std::pair{0.0, 255.0};
  case ir::DType::Int8:
    return std::pair{-128.0, 127.0};
  case ir::DType::Int16:
    return std::pair{-32768.0, 32767.0};
  default:
    return std::nullopt;
  }
}

} // namespace

int32_t channel_axis(const ir::Shape &shape, size_t channels, int32_t preferred) {
  if (preferred >= 0 && size_t(preferred) < shape.size() && size_t(shape[preferred]) == channels)
    return preferred;
  int32_t found = -1;
  for (size_t d = 0; d < shape.size(); ++d)
    if (size_t(shape[d]) == channels) {
      if (found >= 0)
        return -1; // ambiguous
      found = static_cast<int32_t>(d);
    }
  return found;
}

std::optional<double> element_scale(const GoldenArray &scale, const ir::Shape &shape, int32_t axis,
                                    size_t index) {
  if (scale.size() == 1)
    return scale.at(0);
  if (scale.size() == 0 || axis < 0 || size_t(axis) >= shape.size() ||
      size_t(shape[axis]) != scale.size())
    return std::nullopt;
  return scale.at((index / inner_size(shape, axis)) % scale.size());
}

std::vector<double> end_codes(const Golden &quantized, ir::DType dtype, int32_t axis) {
  if (!quantized.scale || quantized.scale->size() == 0)
    return {};
  const size_t channels = quantized.scale->size();
  auto zero_point = [&](size_t channel) {
    const auto &zp = quantized.zero_point;
    if (!zp || zp->size() == 0)
      return 0.0;
    return zp->at(zp->size() == 1 ? 0 : std::min(channel, zp->size() - 1));
  };
  std::vector<double> ends(channels, 0);
  if (auto range = dtype_range(dtype)) {
    for (size_t c = 0; c < channels; ++c)
      ends[c] = std::max(range->second - zero_point(c), zero_point(c) - range->first);
    return ends;
  }
  if ((dtype != ir::DType::Int32 && dtype != ir::DType::Int64) || !quantized.weights ||
      !quantized.weights->integral)
    return {};
  const GoldenArray &codes = *quantized.weights;
  if (channels > 1 &&
      (axis < 0 || size_t(axis) >= codes.shape.size() || size_t(codes.shape[axis]) != channels))
    return {};
  const size_t inner = channels > 1 ? inner_size(codes.shape, axis) : 1;
  for (size_t i = 0; i < codes.size(); ++i) {
    size_t c = channels > 1 ? (i / inner) % channels : 0;
    ends[c] = std::max(ends[c], std::fabs(codes.at(i) - zero_point(c)));
  }
  return ends;
}

double codes_moved(double end, double before, double after) {
  double reference = after != 0 ? after : before;
  return reference == 0 ? 0 : end * std::fabs(after - before) / std::fabs(reference);
}

} // namespace qgold::harness

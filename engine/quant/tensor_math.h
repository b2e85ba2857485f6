#pragma once

// Helpers over constant tensors shared by the quantization passes.

#include "ir/model.h"

#include <utility>
#include <vector>

namespace qgold::quant {

// Float32 constant values; InputError when the tensor is not a float32 constant.
std::vector<float> float_values(const ir::Tensor &tensor);

// Minimum and maximum over all values (flat order).
std::pair<float, float> min_max(const std::vector<float> &values);

// Channel of each flat element along `axis` (row-major).
struct ChannelLayout {
  int64_t channels;
  int64_t inner; // elements after the axis
  int64_t channel_of(int64_t flat_index) const { return (flat_index / inner) % channels; }
};
ChannelLayout channel_layout(const ir::Shape &shape, int axis);

// Per-channel minimum and maximum along `axis`.
std::pair<std::vector<float>, std::vector<float>> channel_min_max(const std::vector<float> &values,
                                                                  const ChannelLayout &layout);

// Replaces a tensor's data with integer codes of the given dtype.
void store_codes(ir::Tensor &tensor, ir::DType dtype, const std::vector<int64_t> &codes);

} // namespace qgold::quant

#include "interp/kernels/mean.h"

#include <algorithm>
#include <vector>

namespace qgold::interp::kernels {

std::vector<int32_t> resolve_axes(std::span<const int32_t> axes, size_t rank) {
  const auto r = static_cast<int32_t>(rank);
  std::vector<int32_t> resolved;
  for (int32_t axis : axes) {
    if (axis < -r || axis >= r)
      continue;
    const int32_t positive = axis < 0 ? axis + r : axis;
    if (std::find(resolved.begin(), resolved.end(), positive) == resolved.end())
      resolved.push_back(positive);
  }
  return resolved;
}

void mean(const ir::Shape &input_shape, const float *input, std::span<const int32_t> axes,
          float *output) {
  const size_t rank = input_shape.size();
  std::vector<bool> reduced(rank, false);
  for (int32_t axis : resolve_axes(axes, rank))
    reduced[axis] = true;

  // Output stride of every input dimension; 0 for reduced ones.
  std::vector<int64_t> out_strides(rank, 0);
  int64_t out_count = 1, reduce_count = 1;
  for (size_t d = rank; d-- > 0;) {
    if (reduced[d]) {
      reduce_count *= input_shape[d];
    } else {
      out_strides[d] = out_count;
      out_count *= input_shape[d];
    }
  }

  std::fill_n(output, out_count, 0.0f);
  const int64_t in_count = ir::num_elements(input_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t out_index = 0;
  for (int64_t i = 0; i < in_count; ++i) {
    output[out_index] += input[i];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < input_shape[d]) {
        out_index += out_strides[d];
        break;
      }
      out_index -= out_strides[d] * (input_shape[d] - 1);
      index[d] = 0;
    }
  }
  if (reduce_count == 0) // TFLite leaves an empty reduction's output untouched.
    return;
  const auto divisor = static_cast<float>(reduce_count);
  for (int64_t o = 0; o < out_count; ++o)
    output[o] = output[o] / divisor;
}

} // namespace qgold::interp::kernels

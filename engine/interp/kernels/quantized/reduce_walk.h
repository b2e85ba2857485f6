#pragma once

#include "interp/kernels/mean.h"
#include "ir/model.h"

#include <span>
#include <vector>

namespace qgold::interp::kernels::quantized {

// The walk of TFLite's reference Reduce over quantized codes: the input in
// row-major order, visit(i, o, first) for input element i folding into output
// element o, `first` for the first element reaching o (every reduced index 0).
// `axes` are resolved as Mean resolves them.
inline int64_t reduction_outputs(const ir::Shape &input_shape, std::span<const int32_t> axes) {
  std::vector<bool> reduced(input_shape.size(), false);
  for (int32_t axis : resolve_axes(axes, input_shape.size()))
    reduced[static_cast<size_t>(axis)] = true;
  int64_t count = 1;
  for (size_t d = 0; d < input_shape.size(); ++d)
    count *= reduced[d] ? 1 : input_shape[d];
  return count;
}

template <typename Visit>
void walk_reduction(const ir::Shape &input_shape, std::span<const int32_t> axes, Visit visit) {
  const size_t rank = input_shape.size();
  std::vector<bool> reduced(rank, false);
  for (int32_t axis : resolve_axes(axes, rank))
    reduced[static_cast<size_t>(axis)] = true;
  std::vector<int64_t> out_strides(rank, 0);
  int64_t out_count = 1;
  for (size_t d = rank; d-- > 0;) {
    if (!reduced[d]) {
      out_strides[d] = out_count;
      out_count *= input_shape[d];
    }
  }
  const int64_t in_count = ir::num_elements(input_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t out_index = 0;
  for (int64_t i = 0; i < in_count; ++i) {
    bool first = true;
    for (size_t d = 0; d < rank && first; ++d)
      first = !reduced[d] || index[d] == 0;
    visit(i, out_index, first);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < input_shape[d]) {
        out_index += out_strides[d];
        break;
      }
      out_index -= out_strides[d] * (input_shape[d] - 1);
      index[d] = 0;
    }
  }
}

} // namespace qgold::interp::kernels::quantized

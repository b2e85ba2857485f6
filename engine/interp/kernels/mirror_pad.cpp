#include "interp/kernels/mirror_pad.h"

#include "interp/kernels/element_types.h"

#include <algorithm>
#include <vector>

namespace qgold::interp::kernels {
namespace {

// The input index that padded index `i` of one dim reads (TFLite's
// GetInputDimension); offset is 1 for REFLECT (the edge is not repeated), 0
// for SYMMETRIC.
int32_t source_index(int32_t i, int32_t before, int32_t size, int32_t offset) {
  if (i < before) {
    const int32_t mirror = before + offset - 1;
    return mirror - std::min(i, mirror - offset);
  }
  i -= before;
  if (i < size)
    return i;
  i -= size;
  const int32_t mirror = size - 1 - offset;
  return mirror - std::min(i, mirror);
}

} // namespace

template <typename T>
void mirror_pad(ir::MirrorPadMode mode, const ir::Shape &input_shape, const T *input,
                std::span<const int32_t> paddings, const ir::Shape &output_shape, T *output) {
  const size_t rank = input_shape.size();
  const int32_t offset = mode == ir::MirrorPadMode::Reflect ? 1 : 0;
  // Per dim, the input index of every output index.
  std::vector<std::vector<int32_t>> sources(rank);
  for (size_t d = 0; d < rank; ++d)
    for (int32_t i = 0; i < output_shape[d]; ++i)
      sources[d].push_back(source_index(i, paddings[2 * d], input_shape[d], offset));
  const int64_t count = ir::num_elements(output_shape);
  std::vector<int32_t> index(rank, 0);
  for (int64_t o = 0; o < count; ++o) {
    int64_t in_offset = 0;
    for (size_t d = 0; d < rank; ++d)
      in_offset = in_offset * input_shape[d] + sources[d][index[d]];
    output[o] = input[in_offset];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < output_shape[d])
        break;
      index[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void mirror_pad<T>(ir::MirrorPadMode, const ir::Shape &, const T *,                    \
                              std::span<const int32_t>, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

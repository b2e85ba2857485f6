#include "interp/kernels/space_to_batch_nd.h"

#include "interp/kernels/element_types.h"

#include <algorithm>
#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void space_to_batch_nd(const ir::Shape &input_shape, const T *input,
                       std::span<const int32_t> block_shape, std::span<const int32_t> paddings,
                       const ir::Shape &output_shape, T *output, T pad_value) {
  const size_t m = block_shape.size();
  int64_t depth = 1; // the trailing dims move as one run
  for (size_t d = m + 1; d < input_shape.size(); ++d)
    depth *= input_shape[d];
  const int64_t batches = input_shape[0];
  std::vector<int32_t> index(m, 0), shift(m);
  T *dst = output;
  for (int64_t out_b = 0; out_b < output_shape[0]; ++out_b) {
    // Block position of this output batch, row-major over the block dims.
    int64_t position = out_b / batches;
    for (size_t i = m; i-- > 0;) {
      shift[i] = static_cast<int32_t>(position % block_shape[i]);
      position /= block_shape[i];
    }
    const int64_t in_b = out_b % batches;
    int64_t spatial = 1;
    for (size_t i = 0; i < m; ++i)
      spatial *= output_shape[i + 1];
    std::fill(index.begin(), index.end(), 0);
    for (int64_t s = 0; s < spatial; ++s) {
      int64_t in_offset = in_b;
      bool inside = true;
      for (size_t i = 0; i < m && inside; ++i) {
        const int64_t p = int64_t{index[i]} * block_shape[i] + shift[i] - paddings[2 * i];
        inside = p >= 0 && p < input_shape[i + 1];
        in_offset = in_offset * input_shape[i + 1] + p;
      }
      if (inside)
        dst = std::copy_n(input + in_offset * depth, depth, dst);
      else
        dst = std::fill_n(dst, depth, pad_value);
      for (size_t i = m; i-- > 0;) {
        if (++index[i] < output_shape[i + 1])
          break;
        index[i] = 0;
      }
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void space_to_batch_nd<T>(const ir::Shape &, const T *, std::span<const int32_t>,      \
                                     std::span<const int32_t>, const ir::Shape &, T *, T);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

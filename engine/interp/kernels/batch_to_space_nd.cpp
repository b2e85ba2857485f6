#include "interp/kernels/batch_to_space_nd.h"

#include "interp/kernels/element_types.h"

#include <algorithm>
#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void batch_to_space_nd(const ir::Shape &input_shape, const T *input,
                       std::span<const int32_t> block_shape, std::span<const int32_t> crops,
                       const ir::Shape &output_shape, T *output) {
  const size_t m = block_shape.size();
  int64_t depth = 1; // the trailing dims move as one run
  for (size_t d = m + 1; d < output_shape.size(); ++d)
    depth *= output_shape[d];
  int64_t spatial = 1;
  for (size_t i = 0; i < m; ++i)
    spatial *= output_shape[i + 1];
  const int64_t batches = output_shape[0];
  std::vector<int32_t> index(m, 0);
  T *dst = output;
  for (int64_t out_b = 0; out_b < batches; ++out_b) {
    std::fill(index.begin(), index.end(), 0);
    for (int64_t s = 0; s < spatial; ++s) {
      // Uncropped position p = in * block + shift along each spatial dim.
      int64_t position = 0, in_offset = 0;
      for (size_t i = 0; i < m; ++i) {
        const int64_t p = int64_t{index[i]} + crops[2 * i];
        position = position * block_shape[i] + p % block_shape[i];
        in_offset = in_offset * input_shape[i + 1] + p / block_shape[i];
      }
      const int64_t in_b = position * batches + out_b;
      int64_t base = in_b;
      for (size_t i = 0; i < m; ++i)
        base *= input_shape[i + 1];
      dst = std::copy_n(input + (base + in_offset) * depth, depth, dst);
      for (size_t i = m; i-- > 0;) {
        if (++index[i] < output_shape[i + 1])
          break;
        index[i] = 0;
      }
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void batch_to_space_nd<T>(const ir::Shape &, const T *, std::span<const int32_t>,      \
                                     std::span<const int32_t>, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

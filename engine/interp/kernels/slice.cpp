#include "interp/kernels/slice.h"

#include "interp/kernels/element_types.h"

#include <algorithm>
#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void slice(const ir::Shape &input_shape, std::span<const int32_t> begin,
           const ir::Shape &output_shape, const T *input, T *output) {
  const size_t rank = input_shape.size();
  if (ir::num_elements(output_shape) == 0)
    return;
  if (rank == 0) {
    output[0] = input[0];
    return;
  }
  std::vector<int64_t> strides(rank, 1);
  for (size_t d = rank; d-- > 1;)
    strides[d - 1] = strides[d] * input_shape[d];
  // One contiguous run of the last dim per index of the leading dims.
  const int64_t run = output_shape[rank - 1];
  const int64_t rows = ir::num_elements(output_shape) / run;
  std::vector<int32_t> index(rank - 1, 0);
  for (int64_t r = 0; r < rows; ++r) {
    int64_t offset = begin[rank - 1];
    for (size_t d = 0; d + 1 < rank; ++d)
      offset += (begin[d] + index[d]) * strides[d];
    std::copy_n(input + offset, run, output + r * run);
    for (size_t d = rank - 1; d-- > 0;) {
      if (++index[d] < output_shape[d])
        break;
      index[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void slice<T>(const ir::Shape &, std::span<const int32_t>, const ir::Shape &,          \
                         const T *, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

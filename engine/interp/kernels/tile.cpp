#include "interp/kernels/tile.h"

#include "interp/kernels/element_types.h"

#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void tile(const ir::Shape &input_shape, const T *input, const ir::Shape &output_shape, T *output) {
  const size_t rank = input_shape.size();
  std::vector<int64_t> strides(rank, 1);
  for (size_t d = rank; d-- > 1;)
    strides[d - 1] = strides[d] * input_shape[d];
  const int64_t count = ir::num_elements(output_shape);
  std::vector<int32_t> index(rank, 0), source(rank, 0);
  int64_t offset = 0;
  for (int64_t o = 0; o < count; ++o) {
    output[o] = input[offset];
    for (size_t d = rank; d-- > 0;) {
      offset -= source[d] * strides[d];
      if (++index[d] < output_shape[d]) {
        source[d] = index[d] % input_shape[d];
        offset += source[d] * strides[d];
        break;
      }
      index[d] = source[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void tile<T>(const ir::Shape &, const T *, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

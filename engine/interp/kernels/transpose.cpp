#include "interp/kernels/transpose.h"

#include "interp/kernels/element_types.h"

#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void transpose(const ir::Shape &input_shape, std::span<const int32_t> perm, const T *input,
               T *output) {
  const size_t rank = input_shape.size();
  std::vector<int64_t> in_strides(rank, 1);
  for (size_t d = rank; d-- > 1;)
    in_strides[d - 1] = in_strides[d] * input_shape[d];
  // Walk the output in row-major order; output dim i advances input dim perm[i].
  ir::Shape out_shape(rank);
  std::vector<int64_t> step(rank);
  for (size_t i = 0; i < rank; ++i) {
    const int32_t p = perm[i] < 0 ? perm[i] + static_cast<int32_t>(rank) : perm[i];
    out_shape[i] = input_shape[p];
    step[i] = in_strides[p];
  }
  const int64_t count = ir::num_elements(out_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t offset = 0;
  for (int64_t o = 0; o < count; ++o) {
    output[o] = input[offset];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out_shape[d]) {
        offset += step[d];
        break;
      }
      offset -= step[d] * (out_shape[d] - 1);
      index[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void transpose<T>(const ir::Shape &, std::span<const int32_t>, const T *, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

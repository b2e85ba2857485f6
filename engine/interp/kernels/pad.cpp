#include "interp/kernels/pad.h"

#include "interp/kernels/element_types.h"

#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void pad(const ir::Shape &input_shape, const T *input, std::span<const int32_t> paddings,
         T pad_value, const ir::Shape &output_shape, T *output) {
  const size_t rank = output_shape.size();
  const int64_t count = ir::num_elements(output_shape);
  std::vector<int32_t> index(rank, 0);
  for (int64_t o = 0; o < count; ++o) {
    // Map the output index back into the input; outside it -> pad_value.
    int64_t in_offset = 0;
    bool inside = true;
    for (size_t d = 0; d < rank && inside; ++d) {
      const int32_t i = index[d] - paddings[2 * d];
      inside = i >= 0 && i < input_shape[d];
      in_offset = in_offset * input_shape[d] + i;
    }
    output[o] = inside ? input[in_offset] : pad_value;
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < output_shape[d])
        break;
      index[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void pad<T>(const ir::Shape &, const T *, std::span<const int32_t>, T,                 \
                       const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

#include "interp/kernels/pack.h"

#include "interp/kernels/element_types.h"

#include <algorithm>

namespace qgold::interp::kernels {

template <typename T>
void pack(int32_t axis, const ir::Shape &input_shape, std::span<const T *const> inputs, T *output) {
  const auto rank = static_cast<int32_t>(input_shape.size());
  if (axis < 0)
    axis += rank + 1;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (int32_t d = axis; d < rank; ++d)
    inner *= input_shape[d];
  T *dst = output;
  for (int64_t o = 0; o < outer; ++o)
    for (const T *input : inputs)
      dst = std::copy_n(input + o * inner, inner, dst);
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void pack<T>(int32_t, const ir::Shape &, std::span<const T *const>, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

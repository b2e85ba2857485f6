#include "interp/kernels/unpack.h"

#include "interp/kernels/element_types.h"

#include <algorithm>

namespace qgold::interp::kernels {

template <typename T>
void unpack(int32_t axis, const ir::Shape &input_shape, const T *input,
            std::span<T *const> outputs) {
  const auto rank = static_cast<int32_t>(input_shape.size());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= input_shape[d];
  const T *src = input;
  for (int64_t o = 0; o < outer; ++o)
    for (T *output : outputs) {
      std::copy_n(src, inner, output + o * inner);
      src += inner;
    }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void unpack<T>(int32_t, const ir::Shape &, const T *, std::span<T *const>);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

#include "interp/kernels/split_v.h"

#include "interp/kernels/element_types.h"

#include <algorithm>

namespace qgold::interp::kernels {

template <typename T>
void split_v(int32_t axis, const ir::Shape &input_shape, std::span<const int32_t> sizes,
             const T *input, std::span<T *const> outputs) {
  const auto rank = static_cast<int32_t>(input_shape.size());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= input_shape[d];
  // Per outer index, part p is a contiguous run of sizes[p] * inner values.
  const T *src = input;
  for (int64_t o = 0; o < outer; ++o)
    for (size_t p = 0; p < outputs.size(); ++p) {
      const int64_t run = sizes[p] * inner;
      std::copy_n(src, run, outputs[p] + o * run);
      src += run;
    }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void split_v<T>(int32_t, const ir::Shape &, std::span<const int32_t>, const T *,       \
                           std::span<T *const>);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

#include "interp/kernels/one_hot.h"

#include "interp/kernels/element_types.h"

namespace qgold::interp::kernels {

template <typename T, typename I>
void one_hot(const OneHotParams &params, const ir::Shape &indices_shape, const I *indices,
             T on_value, T off_value, T *output) {
  const auto rank = static_cast<int32_t>(indices_shape.size());
  const int32_t axis = params.axis == -1 ? rank : params.axis;
  int64_t prefix = 1, suffix = 1;
  for (int32_t d = 0; d < axis; ++d)
    prefix *= indices_shape[d];
  for (int32_t d = axis; d < rank; ++d)
    suffix *= indices_shape[d];
  for (int64_t i = 0; i < prefix; ++i)
    for (int32_t j = 0; j < params.depth; ++j)
      for (int64_t k = 0; k < suffix; ++k)
        *output++ = static_cast<int32_t>(indices[i * suffix + k]) == j ? on_value : off_value;
}

#define QGOLD_INSTANTIATE_INDEX(T, I)                                                              \
  template void one_hot<T, I>(const OneHotParams &, const ir::Shape &, const I *, T, T, T *);
#define QGOLD_INSTANTIATE(T) QGOLD_INSTANTIATE_INDEX(T, int32_t) QGOLD_INSTANTIATE_INDEX(T, int64_t)
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE
#undef QGOLD_INSTANTIATE_INDEX

} // namespace qgold::interp::kernels

#include "interp/kernels/gather.h"

#include "interp/kernels/element_types.h"

#include <algorithm>

namespace qgold::interp::kernels {

template <typename T, typename I>
std::optional<BadGatherIndex> gather(const GatherParams &params, const ir::Shape &params_shape,
                                     const T *input, const ir::Shape &indices_shape,
                                     const I *indices, T *output) {
  const auto rank = static_cast<int32_t>(params_shape.size());
  const int32_t axis = params.axis < 0 ? params.axis + rank : params.axis;
  const int32_t batch_dims = params.batch_dims < 0
                                 ? params.batch_dims + static_cast<int32_t>(indices_shape.size())
                                 : params.batch_dims;
  int64_t batches = 1, outer = 1, inner = 1, coords = 1;
  for (int32_t d = 0; d < batch_dims; ++d)
    batches *= params_shape[d];
  for (int32_t d = batch_dims; d < axis; ++d)
    outer *= params_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= params_shape[d];
  for (size_t d = static_cast<size_t>(batch_dims); d < indices_shape.size(); ++d)
    coords *= indices_shape[d];
  const int64_t axis_size = params_shape[axis];

  for (int64_t b = 0; b < batches; ++b)
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < coords; ++i) {
        const int64_t position = b * coords + i;
        const auto coord = static_cast<int64_t>(indices[position]);
        if (coord < 0 || coord >= axis_size)
          return BadGatherIndex{position, coord};
        std::copy_n(input + ((b * outer + o) * axis_size + coord) * inner, inner,
                    output + ((b * outer + o) * coords + i) * inner);
      }
  return std::nullopt;
}

#define QGOLD_INSTANTIATE_INDEX(T, I)                                                              \
  template std::optional<BadGatherIndex> gather<T, I>(const GatherParams &, const ir::Shape &,    \
                                                      const T *, const ir::Shape &, const I *,     \
                                                      T *);
#define QGOLD_INSTANTIATE(T) QGOLD_INSTANTIATE_INDEX(T, int32_t) QGOLD_INSTANTIATE_INDEX(T, int64_t)
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE
#undef QGOLD_INSTANTIATE_INDEX

} // namespace qgold::interp::kernels

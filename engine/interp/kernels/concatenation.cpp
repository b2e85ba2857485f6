#include "interp/kernels/concatenation.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/element_types.h"

#include <type_traits>

namespace qgold::interp::kernels {

template <typename T>
void concatenation(const ConcatenationParams &params, std::span<const ir::Shape> input_shapes,
                   std::span<const T *const> inputs, const ir::Shape &output_shape, T *output) {
  const auto rank = static_cast<int32_t>(output_shape.size());
  const int32_t axis = params.axis < 0 ? params.axis + rank : params.axis;
  // Seen as [outer, axis, inner], each input contributes one contiguous run
  // of axis_size * inner values per outer index.
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= output_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= output_shape[d];

  T *dst = output;
  for (int64_t o = 0; o < outer; ++o) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      const int64_t run = input_shapes[i][axis] * inner;
      const T *src = inputs[i] + o * run;
      for (int64_t k = 0; k < run; ++k) {
        if constexpr (std::is_same_v<T, float>)
          *dst++ = activate(params.activation, src[k]);
        else
          *dst++ = src[k];
      }
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void concatenation<T>(const ConcatenationParams &, std::span<const ir::Shape>,         \
                                 std::span<const T *const>, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

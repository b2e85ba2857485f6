#include "interp/kernels/neg.h"

#include "interp/kernels/integers.h"

#include <type_traits>

namespace qgold::interp::kernels {

template <typename T> void neg(const ir::Shape &shape, const T *input, T *output) {
  const int64_t count = ir::num_elements(shape);
  for (int64_t i = 0; i < count; ++i) {
    if constexpr (std::is_floating_point_v<T>)
      output[i] = -input[i];
    else
      output[i] = wrapping_neg(input[i]);
  }
}

template void neg(const ir::Shape &, const float *, float *);
template void neg(const ir::Shape &, const int32_t *, int32_t *);
template void neg(const ir::Shape &, const int64_t *, int64_t *);

} // namespace qgold::interp::kernels

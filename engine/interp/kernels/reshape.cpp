#include "interp/kernels/reshape.h"

#include "interp/kernels/element_types.h"

#include <algorithm>

namespace qgold::interp::kernels {

template <typename T> void reshape(const ir::Shape &input_shape, const T *input, T *output) {
  std::copy_n(input, ir::num_elements(input_shape), output);
}

#define QGOLD_INSTANTIATE(T) template void reshape<T>(const ir::Shape &, const T *, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels

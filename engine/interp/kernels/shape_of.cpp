#include "interp/kernels/shape_of.h"

#include <cstdint>

namespace qgold::interp::kernels {

template <typename I> void shape_of(const ir::Shape &input_shape, I *output) {
  for (size_t d = 0; d < input_shape.size(); ++d)
    output[d] = static_cast<I>(input_shape[d]);
}

template void shape_of<int32_t>(const ir::Shape &, int32_t *);
template void shape_of<int64_t>(const ir::Shape &, int64_t *);

} // namespace qgold::interp::kernels

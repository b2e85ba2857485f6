#include "interp/kernels/sum.h"

#include "interp/kernels/reduce.h"

namespace qgold::interp::kernels {

template <typename T>
void sum(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes, T *output) {
  reduce_axes<T>(input_shape, input, axes, T(0), wrapping_add<T>, output);
}

template void sum(const ir::Shape &, const float *, std::span<const int32_t>, float *);
template void sum(const ir::Shape &, const int32_t *, std::span<const int32_t>, int32_t *);
template void sum(const ir::Shape &, const int64_t *, std::span<const int32_t>, int64_t *);

} // namespace qgold::interp::kernels

#include "interp/kernels/arg_max.h"

#include "interp/kernels/arg_min_max.h"

#include <functional>

namespace qgold::interp::kernels {

template <typename T, typename Index>
void arg_max(const ir::Shape &input_shape, const T *input, int32_t axis, Index *output) {
  arg_min_max<T, Index>(input_shape, input, axis, std::greater<T>(), output);
}

template void arg_max(const ir::Shape &, const float *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const float *, int32_t, int64_t *);
template void arg_max(const ir::Shape &, const int32_t *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const int32_t *, int32_t, int64_t *);
template void arg_max(const ir::Shape &, const int64_t *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const int64_t *, int32_t, int64_t *);
template void arg_max(const ir::Shape &, const uint8_t *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const uint8_t *, int32_t, int64_t *);
template void arg_max(const ir::Shape &, const int8_t *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const int8_t *, int32_t, int64_t *);
template void arg_max(const ir::Shape &, const int16_t *, int32_t, int32_t *);
template void arg_max(const ir::Shape &, const int16_t *, int32_t, int64_t *);

} // namespace qgold::interp::kernels

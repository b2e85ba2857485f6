#include "interp/kernels/reduce_max.h"

#include "interp/kernels/reduce.h"

#include <limits>

namespace qgold::interp::kernels {

template <typename T>
void reduce_max(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes,
                T *output) {
  // The reference's fold; TFLite's optimized one, (current > in ? current : in),
  // differs only for NaN and for the sign of a zero maximum.
  const auto fold = [](T current, T in) { return in > current ? in : current; };
  reduce_axes<T>(input_shape, input, axes, std::numeric_limits<T>::lowest(), fold, output);
}

template void reduce_max(const ir::Shape &, const float *, std::span<const int32_t>, float *);
template void reduce_max(const ir::Shape &, const int32_t *, std::span<const int32_t>, int32_t *);
template void reduce_max(const ir::Shape &, const int64_t *, std::span<const int32_t>, int64_t *);
template void reduce_max(const ir::Shape &, const uint8_t *, std::span<const int32_t>, uint8_t *);
template void reduce_max(const ir::Shape &, const int8_t *, std::span<const int32_t>, int8_t *);
template void reduce_max(const ir::Shape &, const int16_t *, std::span<const int32_t>, int16_t *);

} // namespace qgold::interp::kernels

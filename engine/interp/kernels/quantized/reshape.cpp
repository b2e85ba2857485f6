#include "interp/kernels/quantized/reshape.h"

namespace qgold::interp::kernels::quantized {

template <typename T>
void reshape(const Requantization &requant, int64_t count, const T *input, T *output) {
  requantize(requant, count, input, output);
}

template void reshape(const Requantization &, int64_t, const uint8_t *, uint8_t *);
template void reshape(const Requantization &, int64_t, const int8_t *, int8_t *);
template void reshape(const Requantization &, int64_t, const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/max_pool2d.h"

#include "interp/kernels/quantized/pool_window.h"

#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

struct Maximum {
  int32_t maximum = std::numeric_limits<int32_t>::min();

  void add(int32_t code) { maximum = std::max(maximum, code); }
  int32_t result() const { return maximum; }
};

} // namespace

template <typename T>
void max_pool2d(const Pool2DParams &params, const Requantization &requant, IntRange output_range,
                const ir::Shape &input_shape, const T *input, const ir::Shape &output_shape,
                T *output) {
  pool2d<Maximum>(params, requant, output_range, input_shape, input, output_shape, output);
}

template void max_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                         const ir::Shape &, const uint8_t *, const ir::Shape &, uint8_t *);
template void max_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                         const ir::Shape &, const int8_t *, const ir::Shape &, int8_t *);
template void max_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                         const ir::Shape &, const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

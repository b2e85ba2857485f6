#include "interp/kernels/quantized/average_pool2d.h"

#include "interp/kernels/quantized/pool_window.h"

namespace qgold::interp::kernels::quantized {
namespace {

struct Average {
  int32_t sum = 0, count = 0;

  void add(int32_t code) {
    sum += code;
    ++count;
  }
  int32_t result() const {
    if (count == 0)
      return 0;
    return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  }
};

} // namespace

template <typename T>
void average_pool2d(const Pool2DParams &params, const Requantization &requant,
                    IntRange output_range, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output) {
  pool2d<Average>(params, requant, output_range, input_shape, input, output_shape, output);
}

template void average_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                             const ir::Shape &, const uint8_t *, const ir::Shape &, uint8_t *);
template void average_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                             const ir::Shape &, const int8_t *, const ir::Shape &, int8_t *);
template void average_pool2d(const Pool2DParams &, const Requantization &, IntRange,
                             const ir::Shape &, const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/through_float.h"

#include "interp/kernels/quantized/dequantize.h"
#include "interp/kernels/quantized/quantize.h"

#include <vector>

namespace qgold::interp::kernels::quantized {

template <typename T>
void through_float(const ThroughFloat &params, const T *input,
                   const std::function<void(const float *, float *)> &compute, T *output) {
  std::vector<float> x(static_cast<size_t>(params.input_count));
  std::vector<float> y(static_cast<size_t>(params.output_count));
  dequantize(params.input, params.input_count, input, x.data());
  compute(x.data(), y.data());
  quantize(params.output, params.range, params.output_count, y.data(), output);
}

template void through_float(const ThroughFloat &, const uint8_t *,
                            const std::function<void(const float *, float *)> &, uint8_t *);
template void through_float(const ThroughFloat &, const int8_t *,
                            const std::function<void(const float *, float *)> &, int8_t *);
template void through_float(const ThroughFloat &, const int16_t *,
                            const std::function<void(const float *, float *)> &, int16_t *);

} // namespace qgold::interp::kernels::quantized

#include "interp/kernels/quantized/weighted.h"

namespace qgold::interp::kernels::quantized {

double weighted_real_multiplier(float input_scale, float filter_scale, float output_scale,
                                ScaleProduct product) {
  const double scale = product == ScaleProduct::Double
                           ? static_cast<double>(input_scale) * static_cast<double>(filter_scale)
                           : static_cast<double>(input_scale * filter_scale);
  return scale / static_cast<double>(output_scale);
}

} // namespace qgold::interp::kernels::quantized

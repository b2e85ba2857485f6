#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"

namespace qgold::interp::kernels::quantized {

// Quantized Abs as TFLite's AbsEvalQuantized (elementwise.cc, int8 and int16;
// TFLite has no uint8 Abs, qgold uses the same arithmetic): d = |x - z_in|;
// equal scales: z_out + d, else z_out + M(d), M = s_in / s_out in float;
// clamped to the dtype.
struct AbsQuant {
  int32_t input_zero_point = 0;
  bool rescale = false;
  Multiplier multiplier;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

AbsQuant abs_quant(const QuantInfo &input, const QuantInfo &output, IntRange output_range);

template <typename T> void abs(const AbsQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized

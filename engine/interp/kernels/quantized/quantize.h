#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"

#include <cstdint>

namespace qgold::interp::kernels::quantized {

// Quantize from float, TFLite's reference AffineQuantize (luci-interpreter
// uses it too): q = round(x / float(scale)) + zero_point, the division in
// float, rounded half away from zero, clamped to `range` (the dtype's full
// range). NaN and +-Inf are the caller's to refuse.
template <typename T>
void quantize(const QuantInfo &output, IntRange range, int64_t count, const float *input,
              T *output_codes);

// Requantize (Quantize from an integer tensor), TFLite's reference
// Requantize: q = clamp(zo + R(x - zx)), R = s_in / s_out in double.
struct Requantization {
  int32_t input_zero_point = 0;
  Multiplier multiplier;
  int32_t output_zero_point = 0;
  IntRange output_range;
  // Same scale and zero point: the codes are copied.
  bool identity = false;
};

Requantization requantization(const QuantInfo &input, const QuantInfo &output, IntRange range);

inline int32_t requantize(int32_t code, const Requantization &r) {
  if (r.identity)
    return r.output_range.clamp(code);
  return r.output_range.clamp(r.output_zero_point + multiply(code - r.input_zero_point, r.multiplier));
}

template <typename In, typename Out>
void requantize(const Requantization &r, int64_t count, const In *input, Out *output);

} // namespace qgold::interp::kernels::quantized

#pragma once

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels::quantized {

// Quantized ReduceProd, TFLite's reference QuantizedReduceProd (int8, int16):
// each product step is rescaled so the int32 accumulator cannot overflow. With
// n the reduced count and M = QuantizeMultiplier(s_in / s_out^(1/n)) (double,
// GetQuantProdScaling): p = x_0 - z_in for the first element of an output,
// p = M(p * (x - z_in)) on an int64 for each next one, and finally
// q = M(p) + z_out clamped to `range` (the int64 MultiplyByQuantizedMultiplier
// throughout). TFLite has no uint8 ReduceProd; qgold applies the same
// arithmetic to ONE's uint8.
struct ReduceProdParams {
  int32_t input_zero_point = 0, output_zero_point = 0;
  Multiplier multiplier;
  IntRange range;
};

// M for scales s_in, s_out over n reduced elements.
Multiplier reduce_prod_multiplier(float input_scale, float output_scale, int64_t n);

template <typename T>
void reduce_prod(const ReduceProdParams &params, const ir::Shape &input_shape, const T *codes,
                 std::span<const int32_t> axes, T *out);

} // namespace qgold::interp::kernels::quantized

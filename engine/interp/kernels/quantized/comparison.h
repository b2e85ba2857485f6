#pragma once

#include "interp/kernels/comparison.h"
#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// The six quantized comparisons as TFLite's ComparisonWithScaling
// (comparisons.cc, uint8 and int8): each operand's (q - z) << 8 is rescaled
// by its own scale (QuantizeMultiplierSmallerThanOneExp of s, the 8-bit
// rounding multiply), and the two int32 results are compared, so operands
// with different parameters compare as the real numbers they stand for.
// TFLite compares int16 codes as plain integers; qgold scales them the same
// way as 8-bit ones (ONE gives each int16 operand its own scale).
struct ComparisonQuant {
  int32_t x_zero_point = 0, y_zero_point = 0;
  Multiplier x_multiplier, y_multiplier;
};

ComparisonQuant comparison_quant(const QuantInfo &x, const QuantInfo &y);

template <typename T>
void compare(Comparison comparison, const ComparisonQuant &quant, const ir::Shape &x_shape,
             const T *x, const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape,
             bool *out);

} // namespace qgold::interp::kernels::quantized

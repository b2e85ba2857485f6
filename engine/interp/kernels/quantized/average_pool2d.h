#pragma once

#include "interp/kernels/pool2d_params.h"
#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized AveragePool2D: per window the int32 sum of the codes inside the
// input over their count, rounded to nearest with ties away from zero, as
// TFLite's reference AveragePool (uint8) and reference_integer_ops
// AveragePool (int8, int16). TFLite takes the result as an output code, which
// is right only when input and output share scale and zero point (its
// quantization spec requires it; ONE gives the output its own range): qgold
// then requantizes the average from the input's parameters to the output's
// (`requant`, the identity when they agree). Clamped last to `output_range`.
template <typename T>
void average_pool2d(const Pool2DParams &params, const Requantization &requant,
                    IntRange output_range, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels::quantized

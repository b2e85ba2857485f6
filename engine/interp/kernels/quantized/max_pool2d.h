#pragma once

#include "interp/kernels/pool2d_params.h"
#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized MaxPool2D: the largest code under the clipped window (TFLite's
// reference MaxPool for uint8, int8 and int16), requantized to the output's
// parameters when they differ from the input's (see average_pool2d.h), then
// clamped to `output_range`.
template <typename T>
void max_pool2d(const Pool2DParams &params, const Requantization &requant, IntRange output_range,
                const ir::Shape &input_shape, const T *input, const ir::Shape &output_shape,
                T *output);

} // namespace qgold::interp::kernels::quantized

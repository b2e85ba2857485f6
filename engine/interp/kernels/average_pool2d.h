#pragma once

#include "interp/kernels/pool2d_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels {

// Average over each window of an NHWC input, per channel. Taps in the padding
// are left out of both the sum and the count (TFLite: SAME averages the valid
// elements only). The sum runs from 0 over ky, kx in order, then is divided by
// the float count; a window with no valid element (impossible for the shapes
// TFLite accepts) yields 0.
void average_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
                    const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "interp/kernels/pool2d_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels {

// Root mean square over each window of an NHWC input, per channel, as TFLite's
// reference L2Pool: the squares of the valid taps are summed from 0 in window
// order (row by row), divided by the tap count, then sqrt'ed and the fused
// activation applied. Padded taps are neither summed nor counted.
void l2_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
               const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

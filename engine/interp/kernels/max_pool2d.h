#pragma once

#include "interp/kernels/pool2d_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels {

// Maximum over each window of an NHWC input, per channel; padded taps are
// ignored (not treated as 0). Like TFLite the running maximum starts at the
// lowest float and folds with std::max, so NaN inputs after the first tap are skipped.
void max_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
                const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// NHWC SpaceToDepth, the inverse of DepthToSpace, as TFLite's
// reference_ops::SpaceToDepth: input (b, h, w, d) goes to output channel
// d + ((h % block) * block + w % block) * input_depth at (b, h / block, w / block).
template <typename T>
void space_to_depth(int32_t block_size, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels

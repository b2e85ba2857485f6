#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// NHWC DepthToSpace (TensorFlow's DCR order), as TFLite's
// reference_ops::DepthToSpace: output (b, h, w, d) reads input channel
// d + ((h % block) * block + w % block) * output_depth at (b, h / block, w / block).
template <typename T>
void depth_to_space(int32_t block_size, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels

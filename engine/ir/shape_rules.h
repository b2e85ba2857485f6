#pragma once

// The output shape rules the operator registry points at, following the
// TFLite reference kernels (NHWC activations, OHWI filters; formats.md §4).
// Each reads input shapes, options and int32 constants through an OpView and
// throws ModelError for inconsistent operands.

#include "ir/model.h"

#include <vector>

namespace qgold::ir {

class OpView;

Shape same_shape(const OpView &view); // output 0 shaped like input 0
Shape broadcast_shape(const OpView &view); // numpy broadcast of inputs 0 and 1
Shape conv2d_shape(const OpView &view);
Shape depthwise_conv2d_shape(const OpView &view);
Shape transpose_conv_shape(const OpView &view);
Shape pool2d_shape(const OpView &view);
Shape fully_connected_shape(const OpView &view);
Shape prelu_shape(const OpView &view);
Shape mean_shape(const OpView &view);
Shape concatenation_shape(const OpView &view);
std::vector<Shape> split_shapes(const OpView &view);
Shape reshape_shape(const OpView &view);
Shape pad_shape(const OpView &view);
Shape instance_norm_shape(const OpView &view);

} // namespace qgold::ir

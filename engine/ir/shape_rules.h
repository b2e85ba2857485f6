#pragma once

// The output shape rules the operator registry points at, following the
// TFLite reference kernels (NHWC activations, OHWI filters; formats.md §4).
// Each reads input shapes, options and int32 constants through an OpView and
// throws ModelError for inconsistent operands. Defined in shapes/, by family.

#include "ir/model.h"

#include <vector>

namespace qgold::ir {

class OpView;

// shapes/elementwise.cpp
Shape same_shape(const OpView &view);      // output 0 shaped like input 0
Shape broadcast_shape(const OpView &view); // numpy broadcast of inputs 0 and 1
Shape prelu_shape(const OpView &view);
Shape select_shape(const OpView &view);    // Select: condition of t's shape, or of t's first dim
Shape select_v2_shape(const OpView &view); // SelectV2: broadcast of all three
std::vector<Shape> declared_shapes(const OpView &view); // custom ops: what the model says
Shape last_axis_shape(const OpView &view);  // like input 0, which has rank >= 1 (LogSoftmax)
Shape l2_normalize_shape(const OpView &view);
Shape local_response_norm_shape(const OpView &view);

// shapes/window.cpp
Shape conv2d_shape(const OpView &view);
Shape depthwise_conv2d_shape(const OpView &view);
Shape transpose_conv_shape(const OpView &view);
Shape pool2d_shape(const OpView &view);
Shape fully_connected_shape(const OpView &view);
Shape instance_norm_shape(const OpView &view);
Shape batch_matmul_shape(const OpView &view);
Shape resize_shape(const OpView &view);
Shape depth_to_space_shape(const OpView &view);
Shape space_to_depth_shape(const OpView &view);
Shape batch_to_space_nd_shape(const OpView &view);
Shape space_to_batch_nd_shape(const OpView &view);

// shapes/reduce.cpp
Shape reduce_shape(const OpView &view); // Mean, Sum, ReduceMax/Min/Prod
Shape arg_shape(const OpView &view);    // ArgMax, ArgMin

// shapes/movement.cpp
Shape concatenation_shape(const OpView &view);
Shape pack_shape(const OpView &view);
std::vector<Shape> unpack_shapes(const OpView &view);
std::vector<Shape> split_shapes(const OpView &view);
std::vector<Shape> split_v_shapes(const OpView &view);
Shape reshape_shape(const OpView &view);
Shape transpose_shape(const OpView &view);
Shape gather_shape(const OpView &view);
Shape strided_slice_shape(const OpView &view);
Shape slice_shape(const OpView &view);
Shape squeeze_shape(const OpView &view);
Shape expand_dims_shape(const OpView &view);
Shape tile_shape(const OpView &view);
Shape pad_shape(const OpView &view); // Pad, PadV2, MirrorPad
Shape shape_of_shape(const OpView &view);
Shape one_hot_shape(const OpView &view);

} // namespace qgold::ir

#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct DepthwiseConv2DParams {
  ir::Padding padding = ir::Padding::Valid;
  int32_t stride_h = 1, stride_w = 1;
  int32_t dilation_h = 1, dilation_w = 1;
  ir::Activation activation = ir::Activation::None;
};

// Depthwise 2-D convolution. input [N,H,W,C], filter [1,KH,KW,C*M], bias [C*M]
// or null, output [N,OH,OW,C*M]. The depth multiplier M is output channels / C
// (the option field is redundant, as in TFLite); output channel c*M + m reads
// input channel c only. Each output is activate(sum + bias), the sum taken from
// 0 in the order ky, kx (TFLite reference order), padded taps skipped.
void depthwise_conv2d(const DepthwiseConv2DParams &params, const ir::Shape &input_shape,
                      const float *input, const ir::Shape &filter_shape, const float *filter,
                      const float *bias, const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

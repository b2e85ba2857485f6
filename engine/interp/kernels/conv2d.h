#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct Conv2DParams {
  ir::Padding padding = ir::Padding::Valid;
  int32_t stride_h = 1, stride_w = 1;
  int32_t dilation_h = 1, dilation_w = 1;
  ir::Activation activation = ir::Activation::None;
};

// 2-D convolution. input [N,H,W,C], filter [O,KH,KW,C] (OHWI), bias [O] or
// null, output [N,OH,OW,O]. Each output element is
//   activate(sum + bias[o]),  sum = 0 + x(ky=0,kx=0,ic=0)*w + ... in the
// nested order ky, kx, ic (taps falling into the padding are skipped), as in
// TFLite's reference Conv; the bias is added once after the sum.
void conv2d(const Conv2DParams &params, const ir::Shape &input_shape, const float *input,
            const ir::Shape &filter_shape, const float *filter, const float *bias,
            const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels

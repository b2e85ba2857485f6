#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct TransposeConvParams {
  ir::Padding padding = ir::Padding::Valid;
  int32_t stride_h = 1, stride_w = 1;
  ir::Activation activation = ir::Activation::None;
};

// Transposed convolution (TFLite semantics). input [N,H,W,I], filter [O,KH,KW,I],
// bias [O] or null, output [N,OH,OW,O] (OH, OW come from the op's output_shape
// operand). The padding is the one of a forward convolution from the output
// back to the input (TFLite computes it from OH/OW, the filter and the stride);
// only the part before the first element is used, so SAME crops from the top-left.
// Like TFLite's reference kernel, every input pixel scatters
// x(iy,ix,ic) * w(oc,ky,kx,ic) to output (iy*stride - pad + ky, ix*stride - pad + kx, oc),
// looping iy, ix, ic, ky, kx, oc and accumulating into a zeroed output; the bias
// and activation are applied afterwards.
void transpose_conv(const TransposeConvParams &params, const ir::Shape &input_shape,
                    const float *input, const ir::Shape &filter_shape, const float *filter,
                    const float *bias, const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels
